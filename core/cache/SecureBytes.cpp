// SPDX-License-Identifier: GPL-3.0-only
#include "cache/SecureBytes.h"

#include <sodium.h>

#include <algorithm>
#include <utility>

namespace advocate {

SecureBytes::SecureBytes(std::size_t size)
{
    // sodium_init() is thread-safe and idempotent; it returns -1 only if the library cannot work at all.
    if (size == 0 || sodium_init() < 0)
        return;
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    if (m_data == nullptr)
        return;
    sodium_memzero(m_data, size);
    m_size = size;
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    if (!bytes.isEmpty())
        randombytes_buf(bytes.m_data, bytes.m_size);
    return bytes;
}

SecureBytes SecureBytes::takeFrom(QByteArray &source)
{
    SecureBytes bytes(static_cast<std::size_t>(source.size()));
    if (bytes.size() == static_cast<std::size_t>(source.size()) && !source.isEmpty())
        std::copy(source.constBegin(), source.constEnd(), reinterpret_cast<char *>(bytes.m_data));
    wipe(source);
    return bytes;
}

void SecureBytes::wipe(QByteArray &bytes)
{
    // Not bytes.data(): that would detach a shared buffer and zero a fresh copy, leaving the secret in the
    // buffer the other copies still use.
    wipeShared(bytes);
    bytes.clear();
}

void SecureBytes::wipeShared(const QByteArray &bytes)
{
    // capacity() is 0 for memory the array does not own (fromRawData, QByteArrayLiteral in read-only
    // memory); there is nothing of ours to wipe there.
    if (bytes.isEmpty() || bytes.capacity() < bytes.size())
        return;
    sodium_memzero(const_cast<char *>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
}

SecureBytes SecureBytes::toSqlCipherRawKey() const
{
    // x ' hex... ' plus the terminating NUL that sodium_bin2hex writes.
    SecureBytes text(m_size * 2 + 4);
    if (isEmpty() || text.isEmpty())
        return {};
    text.m_data[0] = 'x';
    text.m_data[1] = '\'';
    sodium_bin2hex(reinterpret_cast<char *>(text.m_data + 2), m_size * 2 + 1, m_data, m_size);
    text.m_data[m_size * 2 + 2] = '\'';
    text.m_data[m_size * 2 + 3] = '\0';
    // The NUL is not part of the key text.
    text.m_size = m_size * 2 + 3;
    return text;
}

QByteArray SecureBytes::copyToByteArray() const
{
    return QByteArray(reinterpret_cast<const char *>(m_data), static_cast<qsizetype>(m_size));
}

bool SecureBytes::equals(const SecureBytes &other) const
{
    if (m_size != other.m_size)
        return false;
    return m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

void SecureBytes::clear()
{
    // sodium_free overwrites the whole allocation with zeros before unmapping it.
    if (m_data != nullptr)
        sodium_free(m_data);
    m_data = nullptr;
    m_size = 0;
}

} // namespace advocate
