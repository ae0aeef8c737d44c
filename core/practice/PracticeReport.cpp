// SPDX-License-Identifier: GPL-3.0-only
#include "PracticeReport.h"

#include "common/UtcTime.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <array>
#include <limits>
#include <utility>

namespace advocate {

namespace {

constexpr QLatin1String marker("advocate_desk_practice_report");
constexpr int markerVersion = 1;

constexpr std::array<std::pair<PracticeReport::Ending, QLatin1String>, 7> endingNames{{
    {PracticeReport::Ending::Open, QLatin1String("open")},
    {PracticeReport::Ending::SurvivorEnded, QLatin1String("survivor_ended")},
    {PracticeReport::Ending::AdvocateEnded, QLatin1String("advocate_ended")},
    {PracticeReport::Ending::QuickExit, QLatin1String("quick_exit")},
    {PracticeReport::Ending::IdleClosed, QLatin1String("idle_closed")},
    {PracticeReport::Ending::Disconnected, QLatin1String("disconnected")},
    {PracticeReport::Ending::HandedOn, QLatin1String("handed_on")},
}};

// The largest number a field may hold: 2^53, so that every value survives JSON's doubles exactly.
constexpr double largest = 9007199254740992.0;

void putTime(QJsonObject &object, QLatin1String key, const std::optional<qint64> &ms)
{
    if (ms)
        object.insert(key, double(*ms));
}

// A field that must be a whole number from 0 up, or absent.
bool readNumber(const QJsonObject &object, QLatin1String key, std::optional<qint64> &out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number < 0 || number > largest || number != double(qint64(number)))
        return false;
    out = qint64(number);
    return true;
}

bool readCount(const QJsonObject &object, QLatin1String key, int &out)
{
    std::optional<qint64> number;
    if (!readNumber(object, key, number) || (number && *number > std::numeric_limits<int>::max()))
        return false;
    out = number ? int(*number) : 0;
    return true;
}

} // namespace

PracticeReport::PracticeReport(const QDateTime &openedAt) : m_openedAt(openedAt) {}

qint64 PracticeReport::sinceOpened(const QDateTime &at) const
{
    return m_openedAt.isValid() && at.isValid() ? qMax<qint64>(0, m_openedAt.msecsTo(at)) : 0;
}

void PracticeReport::survivorWrote(const QDateTime &at, bool disclosure)
{
    const qint64 ms = sinceOpened(at);
    ++m_survivorMessages;
    if (!m_firstSurvivorMs)
        m_firstSurvivorMs = ms;
    if (disclosure && !m_disclosureMs)
        m_disclosureMs = ms;
}

void PracticeReport::advocateSent(const QDateTime &at, const Sent &sent)
{
    const qint64 ms = sinceOpened(at);
    ++m_advocateMessages;
    // A greeting before the survivor wrote anything is not a reply.
    if (m_firstSurvivorMs && !m_firstReplyMs)
        m_firstReplyMs = ms;
    if (sent.safetyCheck && !m_safetyCheckMs)
        m_safetyCheckMs = ms;
    if (sent.notice && !m_noticeMs)
        m_noticeMs = ms;
    if (sent.checkIn)
        ++m_checkIns;
    m_cannedUnchanged += qMax(0, sent.cannedUnchanged);
    m_cannedEdited += qMax(0, sent.cannedEdited);
    m_warningsIgnored += qMax(0, sent.warningsIgnored);
    m_warningsFixed += qMax(0, sent.warningsFixed);
}

void PracticeReport::handoffNoteOffered(int identifyingDetailsLeft)
{
    ++m_handoffNotes;
    m_handoffDetailsLeft = qMax(0, identifyingDetailsLeft);
}

void PracticeReport::ended(Ending how, const QDateTime &at)
{
    if (m_ending != Ending::Open || how == Ending::Open)
        return;
    m_ending = how;
    m_endedMs = sinceOpened(at);
}

std::optional<qint64> PracticeReport::timeToFirstReplyMs() const
{
    if (!m_firstSurvivorMs || !m_firstReplyMs)
        return std::nullopt;
    return qMax<qint64>(0, *m_firstReplyMs - *m_firstSurvivorMs);
}

PracticeReport::NoticeTiming PracticeReport::noticeTiming() const
{
    if (!m_disclosureMs)
        return m_noticeMs ? NoticeTiming::GivenNoDisclosure : NoticeTiming::NotNeeded;
    if (!m_noticeMs)
        return NoticeTiming::Missing;
    return *m_noticeMs <= *m_disclosureMs ? NoticeTiming::BeforeDisclosure : NoticeTiming::AfterDisclosure;
}

QJsonObject PracticeReport::toJson() const
{
    QJsonObject object;
    object.insert(marker, markerVersion);
    if (m_openedAt.isValid())
        object.insert(QLatin1String("opened_at"), double(m_openedAt.toMSecsSinceEpoch()));
    object.insert(QLatin1String("survivor_messages"), m_survivorMessages);
    object.insert(QLatin1String("advocate_messages"), m_advocateMessages);
    putTime(object, QLatin1String("first_survivor_ms"), m_firstSurvivorMs);
    putTime(object, QLatin1String("first_reply_ms"), m_firstReplyMs);
    putTime(object, QLatin1String("safety_check_ms"), m_safetyCheckMs);
    putTime(object, QLatin1String("notice_ms"), m_noticeMs);
    putTime(object, QLatin1String("disclosure_ms"), m_disclosureMs);
    object.insert(QLatin1String("check_ins"), m_checkIns);
    object.insert(QLatin1String("warnings_ignored"), m_warningsIgnored);
    object.insert(QLatin1String("warnings_fixed"), m_warningsFixed);
    object.insert(QLatin1String("canned_unchanged"), m_cannedUnchanged);
    object.insert(QLatin1String("canned_edited"), m_cannedEdited);
    object.insert(QLatin1String("handoff_notes"), m_handoffNotes);
    if (m_handoffDetailsLeft)
        object.insert(QLatin1String("handoff_details_left"), *m_handoffDetailsLeft);
    for (const auto &[ending, name] : endingNames) {
        if (ending == m_ending)
            object.insert(QLatin1String("ending"), name);
    }
    putTime(object, QLatin1String("ended_ms"), m_endedMs);
    return object;
}

std::optional<PracticeReport> PracticeReport::fromJson(const QJsonObject &object)
{
    const QJsonValue version = object.value(marker);
    if (!version.isDouble() || version.toDouble() != markerVersion)
        return std::nullopt;
    PracticeReport report;
    std::optional<qint64> openedAt;
    if (!readNumber(object, QLatin1String("opened_at"), openedAt))
        return std::nullopt;
    if (openedAt)
        report.m_openedAt = utcFromMSecsSinceEpoch(*openedAt);
    std::optional<qint64> handoffDetailsLeft;
    const bool numbersRead = readCount(object, QLatin1String("survivor_messages"), report.m_survivorMessages) &&
                             readCount(object, QLatin1String("advocate_messages"), report.m_advocateMessages) &&
                             readNumber(object, QLatin1String("first_survivor_ms"), report.m_firstSurvivorMs) &&
                             readNumber(object, QLatin1String("first_reply_ms"), report.m_firstReplyMs) &&
                             readNumber(object, QLatin1String("safety_check_ms"), report.m_safetyCheckMs) &&
                             readNumber(object, QLatin1String("notice_ms"), report.m_noticeMs) &&
                             readNumber(object, QLatin1String("disclosure_ms"), report.m_disclosureMs) &&
                             readCount(object, QLatin1String("check_ins"), report.m_checkIns) &&
                             readCount(object, QLatin1String("warnings_ignored"), report.m_warningsIgnored) &&
                             readCount(object, QLatin1String("warnings_fixed"), report.m_warningsFixed) &&
                             readCount(object, QLatin1String("canned_unchanged"), report.m_cannedUnchanged) &&
                             readCount(object, QLatin1String("canned_edited"), report.m_cannedEdited) &&
                             readCount(object, QLatin1String("handoff_notes"), report.m_handoffNotes) &&
                             readNumber(object, QLatin1String("handoff_details_left"), handoffDetailsLeft) &&
                             readNumber(object, QLatin1String("ended_ms"), report.m_endedMs);
    if (!numbersRead)
        return std::nullopt;
    if (handoffDetailsLeft) {
        if (*handoffDetailsLeft > std::numeric_limits<int>::max())
            return std::nullopt;
        report.m_handoffDetailsLeft = int(*handoffDetailsLeft);
    }
    const QJsonValue ending = object.value(QLatin1String("ending"));
    if (!ending.isUndefined()) {
        if (!ending.isString())
            return std::nullopt;
        bool known = false;
        for (const auto &[value, name] : endingNames) {
            if (ending.toString() == name) {
                report.m_ending = value;
                known = true;
            }
        }
        if (!known)
            return std::nullopt;
    }
    return report;
}

QString PracticeReport::toWhisperBody() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

std::optional<PracticeReport> PracticeReport::fromWhisperBody(const QString &body)
{
    if (body.size() > maxBodyChars || !body.startsWith(u'{'))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return fromJson(document.object());
}

} // namespace advocate
