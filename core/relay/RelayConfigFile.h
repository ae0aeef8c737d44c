// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "relay/RelayConfig.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace advocate {

// Reads the relay's program config (packaging/relay/relay.conf.example documents every key): `key = value`
// lines, '#' comments. Every problem is reported with its line, not only the first (`check-config`).
class RelayConfigFile
{
public:
    struct Problem
    {
        int line = 0; // 0: about the file as a whole
        QString message;
    };
    struct Result
    {
        RelayConfig config;
        QList<Problem> problems;

        bool ok() const { return problems.isEmpty(); }
    };

    static Result parse(const QByteArray &text);
    static Result load(const QString &path);
    // Every key the config knows, sorted; and those that take a translation ("notice_text.es").
    static QStringList knownKeys();
    static const QSet<QString> &translatableKeys();
    // Keys of earlier versions that are refused with a message saying what took their place.
    static const QSet<QString> &obsoleteKeys();

private:
    using Problems = std::function<void(const QString &)>;
    using Handlers = QHash<QString, std::function<void(const QString &)>>;
    static Handlers handlers(RelayConfig &c, const Problems &problem);
};

} // namespace advocate
