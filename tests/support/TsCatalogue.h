// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace advocate::test {

// One <message> of a Qt Linguist .ts file.
struct TsMessage
{
    QString context;
    QString source;
    QString comment; // the disambiguation, passed as tr()'s second argument
    bool numerus = false;
    QString type;             // the <translation> type attribute: "", "unfinished", "obsolete" or "vanished"
    QStringList translations; // the <numerusform>s of a numerus message, else the one translation

    // Obsolete and vanished messages are kept for reference only; lupdate no longer finds them in the sources.
    bool isCurrent() const;
    // Marked finished and no translation (no plural form) is empty.
    bool isFinished() const;
};

// A Qt Linguist .ts file, read with QXmlStreamReader.
class TsCatalogue
{
public:
    static TsCatalogue read(QIODevice *device);
    static TsCatalogue readFile(const QString &path);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString language() const { return m_language; }
    const QList<TsMessage> &messages() const { return m_messages; }

    // The current messages that are not finished.
    QList<TsMessage> unfinished() const;

private:
    QString m_error;
    QString m_language;
    QList<TsMessage> m_messages;
};

// "context: source" lines for the first `limit` messages and a count, for a test failure message.
QString describeMessages(const QList<TsMessage> &messages, int limit = 20);

} // namespace advocate::test
