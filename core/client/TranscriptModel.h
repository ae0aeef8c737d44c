// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "cache/CacheRecords.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace advocate {

// One conversation's transcript for the view (requirement WS6): messages both ways and system notices, each
// with its author, time and delivery state. Text is held as typed and is only ever handed out as plain text.
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Delivery {
        None,      // survivor messages and notices
        Sending,   // in the outbox
        Sent,      // the relay accepted it
        Delivered, // the survivor's page acknowledged it
        Failed,    // not accepted; can be retried
    };
    Q_ENUM(Delivery)

    enum Roles {
        AuthorRole = Qt::UserRole + 1,
        TextRole,
        TimeRole,
        DirectionRole, // MessageDirection as int
        DeliveryRole,  // Delivery as int
        SeqRole,       // 0 until the relay numbered it
        ClientIdRole,
    };

    struct Entry
    {
        MessageDirection direction = MessageDirection::System;
        QString author;
        QString text;
        QDateTime at;
        Delivery delivery = Delivery::None;
        qint64 seq = 0;
        QString clientId;
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const Entry &entry(int row) const { return m_entries.at(row); }
    // Appends one entry; returns false (and adds nothing) for a relay message whose seq is already held.
    bool append(const Entry &entry);
    void appendAll(const QList<Entry> &entries);
    void markAccepted(const QString &clientId, qint64 seq);
    // Every own message with seq up to `seq` was acknowledged by the survivor's side.
    void markDeliveredUpTo(qint64 seq);
    void markFailed(const QString &clientId);
    void markSending(const QString &clientId);
    std::optional<int> rowOfClientId(const QString &clientId) const;
    bool holdsSeq(qint64 seq) const;

private:
    void changed(int row, const QList<int> &roles);

    void remember(int row, const Entry &entry);

    QList<Entry> m_entries;
    // Rows are never removed, so these stay valid.
    QHash<QString, int> m_rowOfClientId;
    QSet<qint64> m_seqs;
};

} // namespace advocate
