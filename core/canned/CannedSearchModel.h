// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedResponse.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace advocate {

class CannedLibrary;

// The canned responses that match a search, as the picker and the composer's `/` search show them (WS9): each
// row is one entry's variant in the conversation's language with its placeholders filled. An empty query lists
// the whole library in category order.
class CannedSearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        TextRole, // filled text, as it would go into the composer
        ShortcutRole,
        CategoryRole,      // CannedCategory as int
        CategoryLabelRole, // translated
        PersonalRole,      // bool: the advocate's own entry
        LanguageRole,      // the variant's language tag
        FallbackRole,      // bool: no variant in the conversation's language
        UnfilledRole,      // QStringList: placeholders left as written (unknown, or no value)
    };

    // What inserting a row puts in the composer.
    struct Choice
    {
        QString id;
        QString text;
        QList<CannedFlag> flags;
        QStringList unknown; // placeholders the workstation does not know
        QStringList missing; // known placeholders without a value
        QString language;
        bool fallback = false;
    };

    explicit CannedSearchModel(QObject *parent = nullptr);

    // One entry as inserting it would put it in the composer: its variant for `language`, placeholders filled from
    // `values`. `title`, when given, receives the variant's title.
    static Choice choose(const CannedLibrary &library, const CannedResponse &entry, const QString &language,
                         const QHash<QString, QString> &values, QString *title = nullptr);

    // The library is not owned; call refresh() after it changes.
    void setLibrary(const CannedLibrary *library);
    void setQuery(const QString &query);
    void setLanguage(const QString &language);
    void setPlaceholderValues(const QHash<QString, QString> &values);
    // Both at once, with one refresh (and none when nothing changed).
    void setContext(const QString &language, const QHash<QString, QString> &values);
    // Only entries of this category; nothing = every category.
    void setCategory(std::optional<CannedCategory> category);
    void refresh();

    QString query() const { return m_query; }
    QString language() const { return m_language; }
    Choice choiceAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const CannedLibrary *m_library = nullptr;
    QString m_query;
    std::optional<CannedCategory> m_category;
    QString m_language = QStringLiteral("en");
    QHash<QString, QString> m_values;
    QList<Choice> m_rows;
    QList<CannedResponse> m_entries; // copies (implicitly shared), so a changed library cannot leave them dangling
    QStringList m_titles;
};

} // namespace advocate
