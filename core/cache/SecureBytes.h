// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QByteArray>

#include <cstddef>

namespace advocate {

// A buffer for key material. The memory comes from libsodium's guarded allocator: it is locked into RAM
// where the system allows it (so it is not swapped out), fenced by guard pages, and overwritten with zeros
// when the buffer is released. It cannot be copied and has no way to be printed or logged; the bytes leave
// it only through data() for the call that needs them.
//
// Nothing here throws: when libsodium cannot initialise or allocate, the buffer is empty (size() 0), and the
// caller, which knows the size it asked for, turns that into an error result. These buffers are made inside
// Qt callbacks, where an exception would end the program.
class SecureBytes
{
public:
    SecureBytes() = default;
    // `size` zero bytes; empty if the memory could not be allocated.
    explicit SecureBytes(std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    // `size` bytes from the operating system's CSPRNG (libsodium's randombytes_buf); empty on failure.
    static SecureBytes random(std::size_t size);
    // Copies `source` and then overwrites `source` with zeros (e.g. a key just read from the keychain). The
    // source is wiped even when the copy could not be allocated (the result is then empty).
    static SecureBytes takeFrom(QByteArray &source);
    // Overwrites the bytes of `bytes` with zeros and empties it. The zeros go into the buffer `bytes` shares
    // with every implicitly shared copy (it does not detach first), so those copies read zeros too. Copies
    // QByteArray made earlier by reallocating are out of reach.
    static void wipe(QByteArray &bytes);
    // Overwrites the buffer that `bytes` and its implicitly shared copies point to, without detaching, e.g.
    // the copy a Qt Keychain job holds of a secret given to or read from it. Memory `bytes` does not own
    // (QByteArray::fromRawData, literals) is left alone.
    static void wipeShared(const QByteArray &bytes);

    // SQLCipher's raw-key form `x'<2 * size() hex digits>'`, handed to sqlite3_key so that no key
    // derivation runs and the key never appears in SQL text.
    SecureBytes toSqlCipherRawKey() const;
    // A copy for an API that only takes a QByteArray (Qt Keychain). Wipe it with wipe() when done.
    QByteArray copyToByteArray() const;

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Constant-time comparison.
    bool equals(const SecureBytes &other) const;
    // Wipes and frees the bytes now instead of at destruction.
    void clear();

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace advocate
