// SPDX-License-Identifier: GPL-3.0-only
#include "CannedSearchModel.h"

#include "canned/CannedLibrary.h"
#include "canned/Placeholders.h"

#include <QCoreApplication>

#include <algorithm>

namespace advocate {

CannedSearchModel::CannedSearchModel(QObject *parent) : QAbstractListModel(parent) {}

void CannedSearchModel::setLibrary(const CannedLibrary *library)
{
    m_library = library;
    refresh();
}

void CannedSearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    refresh();
}

void CannedSearchModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    refresh();
}

void CannedSearchModel::setPlaceholderValues(const QHash<QString, QString> &values)
{
    setContext(m_language, values);
}

void CannedSearchModel::setContext(const QString &language, const QHash<QString, QString> &values)
{
    if (language == m_language && values == m_values)
        return;
    m_language = language;
    m_values = values;
    refresh();
}

CannedSearchModel::Choice CannedSearchModel::choose(const CannedLibrary &library, const CannedResponse &entry,
                                                    const QString &language, const QHash<QString, QString> &values,
                                                    QString *title)
{
    const CannedLibrary::Variant variant = library.variant(entry, language);
    const Placeholders::Filled filled = Placeholders::fill(variant.text, values);
    if (title)
        *title = variant.title;
    return {entry.id, filled.text, entry.flags, filled.unknown, filled.missing, variant.language, variant.fallback};
}

void CannedSearchModel::setCategory(std::optional<CannedCategory> category)
{
    if (category == m_category)
        return;
    m_category = category;
    refresh();
}

void CannedSearchModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    m_entries.clear();
    m_titles.clear();
    if (m_library) {
        constexpr int limit = 50; // a list longer than this is not read; the advocate types more instead
        const QString trimmed = m_query.trimmed();
        const bool noQuery = trimmed.isEmpty() || trimmed == u"/";
        QList<const CannedResponse *> found = m_library->search(m_query, noQuery || m_category ? 100000 : limit);
        if (noQuery) {
            // Browsing: the picker's category order, library order inside a category.
            std::stable_sort(found.begin(), found.end(), [](const CannedResponse *a, const CannedResponse *b) {
                return a->category < b->category;
            });
        }
        for (const CannedResponse *entry : std::as_const(found)) {
            if (m_category && entry->category != *m_category)
                continue;
            QString title;
            m_rows.append(choose(*m_library, *entry, m_language, m_values, &title));
            m_entries.append(*entry);
            m_titles.append(title);
        }
    }
    endResetModel();
}

CannedSearchModel::Choice CannedSearchModel::choiceAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Choice{};
}

int CannedSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CannedSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Choice &row = m_rows.at(index.row());
    const CannedResponse &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.shortcut.isEmpty() ? m_titles.at(index.row())
                                        : QStringLiteral("%1  /%2").arg(m_titles.at(index.row()), entry.shortcut);
    case Qt::ToolTipRole:
    case TextRole:
        return row.text;
    case Qt::AccessibleTextRole:
        return QCoreApplication::translate("CannedSearchModel", "%1, %2: %3")
            .arg(cannedCategoryLabel(entry.category), m_titles.at(index.row()), row.text);
    case IdRole:
        return row.id;
    case TitleRole:
        return m_titles.at(index.row());
    case ShortcutRole:
        return entry.shortcut;
    case CategoryRole:
        return static_cast<int>(entry.category);
    case CategoryLabelRole:
        return cannedCategoryLabel(entry.category);
    case PersonalRole:
        return entry.origin == CannedOrigin::Personal;
    case LanguageRole:
        return row.language;
    case FallbackRole:
        return row.fallback;
    case UnfilledRole:
        return QStringList(row.unknown + row.missing);
    default:
        return {};
    }
}

QHash<int, QByteArray> CannedSearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TitleRole, "title");
    names.insert(TextRole, "text");
    names.insert(ShortcutRole, "shortcut");
    names.insert(CategoryRole, "category");
    names.insert(CategoryLabelRole, "categoryLabel");
    names.insert(PersonalRole, "personal");
    names.insert(LanguageRole, "language");
    names.insert(FallbackRole, "fallback");
    names.insert(UnfilledRole, "unfilled");
    return names;
}

} // namespace advocate
