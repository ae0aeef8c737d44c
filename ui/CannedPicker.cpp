// SPDX-License-Identifier: GPL-3.0-only
#include "CannedPicker.h"

#include "CannedText.h"
#include "canned/CannedLibrary.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace advocate {

namespace {

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QPushButton *namedButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

CannedPicker::CannedPicker(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cannedPicker"));
    auto *layout = new QVBoxLayout(this);
    m_title = plainLabel(QStringLiteral("cannedTitle"), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_sourceLabel = plainLabel(QStringLiteral("cannedSource"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("cannedSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("cannedCategory"));
    m_listTitle = new QLabel(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setModel(&m_model);
    m_list->setUniformItemSizes(true);
    m_list->installEventFilter(this);
    m_listTitle->setBuddy(m_list);
    m_preview = plainLabel(QStringLiteral("cannedPreview"), this);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_notes = plainLabel(QStringLiteral("cannedNotes"), this);
    m_insert = namedButton(QStringLiteral("cannedInsertButton"), this);
    m_newPersonal = namedButton(QStringLiteral("cannedNewPersonalButton"), this);
    m_removePersonal = namedButton(QStringLiteral("cannedRemovePersonalButton"), this);
    m_problems = namedButton(QStringLiteral("cannedProblemsButton"), this);
    m_problems->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_insert);
    buttons->addStretch();
    auto *personal = new QHBoxLayout;
    personal->addWidget(m_newPersonal);
    personal->addWidget(m_removePersonal);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_title, m_sourceLabel, m_search, m_category, m_listTitle})
        layout->addWidget(widget);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_preview);
    layout->addWidget(m_notes);
    layout->addLayout(buttons);
    layout->addLayout(personal);
    layout->addWidget(m_problems);
    retranslate();

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model.setQuery(text);
        if (m_model.rowCount() > 0)
            m_list->setCurrentIndex(m_model.index(0));
        showCurrent();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &CannedPicker::insertCurrent);
    connect(m_category, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant category = m_category->itemData(index);
        m_model.setCategory(category.isValid() ? std::optional(static_cast<CannedCategory>(category.toInt()))
                                               : std::nullopt);
        if (m_model.rowCount() > 0)
            m_list->setCurrentIndex(m_model.index(0));
        showCurrent();
    });
    // A reset (library or language changed) keeps the advocate's place: the same entry stays current.
    connect(&m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_currentId = m_list->currentIndex().data(CannedSearchModel::IdRole).toString(); });
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; row < m_model.rowCount() && !m_currentId.isEmpty(); ++row) {
            if (m_model.choiceAt(row).id == m_currentId) {
                m_list->setCurrentIndex(m_model.index(row));
                break;
            }
        }
        showCurrent();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &CannedPicker::showCurrent);
    connect(m_list, &QListView::activated, this, &CannedPicker::insertCurrent);
    connect(m_insert, &QPushButton::clicked, this, &CannedPicker::insertCurrent);
    connect(m_newPersonal, &QPushButton::clicked, this, &CannedPicker::newPersonalRequested);
    connect(m_removePersonal, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_list->currentIndex();
        if (current.isValid() && current.data(CannedSearchModel::PersonalRole).toBool())
            Q_EMIT removePersonalRequested(current.data(CannedSearchModel::IdRole).toString());
    });
    connect(m_problems, &QPushButton::clicked, this, &CannedPicker::problemsRequested);
    showCurrent();
}

void CannedPicker::retranslate()
{
    m_title->setText(tr("Canned responses"));
    m_title->setAccessibleName(m_title->text());
    m_sourceLabel->setAccessibleName(tr("Where the canned responses come from"));
    m_search->setAccessibleName(tr("Search canned responses by title, text or shortcut"));
    m_search->setPlaceholderText(tr("Search (title, text or /shortcut)"));
    // The line edit's own clear button: named so that screen readers say what it does.
    for (QAbstractButton *clear : m_search->findChildren<QAbstractButton *>()) {
        clear->setObjectName(QStringLiteral("cannedSearchClear"));
        clear->setAccessibleName(tr("Clear the search"));
    }
    m_category->setAccessibleName(tr("Category"));
    {
        const QSignalBlocker blocker(m_category);
        const int current = m_category->currentIndex();
        m_category->clear();
        m_category->addItem(tr("All categories"));
        for (const CannedCategory category : allCannedCategories())
            m_category->addItem(cannedCategoryLabel(category), static_cast<int>(category));
        m_category->setCurrentIndex(qMax(0, current));
    }
    m_listTitle->setText(tr("Res&ponses"));
    m_list->setAccessibleName(tr("Canned responses"));
    m_preview->setAccessibleName(tr("Preview of the canned response"));
    m_notes->setAccessibleName(tr("Notes on the canned response"));
    m_insert->setText(tr("&Insert into message"));
    m_insert->setAccessibleName(tr("Insert into the message for editing (does not send)"));
    m_newPersonal->setText(tr("New personal entr&y…"));
    m_newPersonal->setAccessibleName(tr("New personal canned response for this shift"));
    m_removePersonal->setText(tr("Remove personal entry"));
    m_removePersonal->setAccessibleName(tr("Remove this personal canned response"));
    m_problems->setAccessibleName(tr("Show the problems found in the canned-response library"));
    m_problems->setText(tr("Library problems (%n)…", nullptr, m_problemCount));
    if (m_source) {
        switch (*m_source) {
        case CannedLibrary::Source::Managed:
            m_sourceLabel->setText(tr("Program library: %n response(s).", nullptr, m_entryCount));
            break;
        case CannedLibrary::Source::ShippedDefault:
            m_sourceLabel->setText(
                tr("Built-in library (no program library is installed): %n response(s).", nullptr, m_entryCount));
            break;
        case CannedLibrary::Source::ShippedDefaultAfterError:
            m_sourceLabel->setText(tr("The program library could not be used, so the built-in one is shown (%n "
                                      "response(s)). Open “Library problems” to see why.",
                                      nullptr, m_entryCount));
            break;
        }
    }
    m_model.refresh(); // category labels
}

void CannedPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool CannedPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT leaveRequested();
            return true;
        }
        if (watched == m_search && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up)) {
            const int count = m_model.rowCount();
            if (count > 0) {
                const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
                const int by = key->key() == Qt::Key_Down ? 1 : -1;
                m_list->setCurrentIndex(m_model.index(qBound(0, row + by, count - 1)));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CannedPicker::showLibrary(const CannedLibrary &library)
{
    m_model.setLibrary(&library);
    m_source = library.source();
    m_entryCount = static_cast<int>(library.entries().size());
    m_problemCount = static_cast<int>(library.issues().size());
    m_sourceLabel->setToolTip(library.sourcePath());
    m_problems->setVisible(m_problemCount > 0);
    retranslate();
}

void CannedPicker::clearSearch()
{
    m_search->setText(QString()); // setText, unlike clear(), also drops the undo history
}

void CannedPicker::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void CannedPicker::showCurrent()
{
    const QModelIndex current = m_list->currentIndex();
    const bool has = current.isValid();
    m_insert->setEnabled(has);
    m_removePersonal->setEnabled(has && current.data(CannedSearchModel::PersonalRole).toBool());
    if (!has) {
        m_preview->setText(m_model.rowCount() == 0 ? tr("No canned response matches.") : QString());
        m_notes->clear();
        m_list->setAccessibleDescription(QString()); // the row it named may be gone (a personal entry, a shift)
        return;
    }
    const CannedSearchModel::Choice choice = m_model.choiceAt(current.row());
    m_preview->setText(choice.text);
    m_notes->setText(cannedChoiceNotes(choice, m_model.language()));
    m_list->setAccessibleDescription(current.data(Qt::AccessibleTextRole).toString());
}

void CannedPicker::insertCurrent()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    Q_EMIT insertRequested(m_model.choiceAt(current.row()));
}

} // namespace advocate
