// SPDX-License-Identifier: GPL-3.0-only
#include "CannedContext.h"

#include "CannedPicker.h"
#include "CannedQuickSearch.h"
#include "PersonalEntryDialog.h"
#include "UiLanguage.h"
#include "client/Shift.h"
#include "panels/ComposePanel.h"

#include <QMessageBox>
#include <QWidget>

namespace advocate {

CannedContext::CannedContext(Shift &shift, CannedPicker &picker, ComposePanel &compose, QWidget &window)
    : QObject(&window), m_shift(shift), m_picker(picker), m_compose(compose), m_window(window)
{
}

QString CannedContext::language(const Chat *current) const
{
    if (current && !current->language().isEmpty())
        return current->language();
    return m_uiLanguage && !m_uiLanguage->current().isEmpty() ? m_uiLanguage->current()
                                                              : m_shift.cannedLibrary().defaultLanguage();
}

QHash<QString, QString> CannedContext::values(const QString &language) const
{
    QHash<QString, QString> values = m_shift.programValues(language);
    values.insert(QStringLiteral("advocate"), m_advocateName);
    return values;
}

void CannedContext::update(const Chat *current)
{
    const QString chosen = language(current);
    const QHash<QString, QString> filled = values(chosen);
    m_compose.setLanguage(chosen);
    for (CannedSearchModel *model : {&m_picker.model(), &m_compose.quickSearchModel()})
        model->setContext(chosen, filled);
}

void CannedContext::showLibrary(const Chat *current)
{
    m_compose.setChecks(DraftChecks(m_shift.cannedLibrary().policy()));
    m_picker.showLibrary(m_shift.cannedLibrary());
    m_compose.quickSearchModel().setLibrary(&m_shift.cannedLibrary());
    update(current);
}

std::optional<CannedSearchModel::Choice> CannedContext::programWording(CannedFlag flag, const Chat *current) const
{
    const CannedLibrary &library = m_shift.cannedLibrary();
    for (const CannedResponse &entry : library.entries()) {
        if (!entry.hasFlag(flag) || entry.origin != CannedOrigin::Program)
            continue;
        const QString chosen = language(current);
        return CannedSearchModel::choose(library, entry, chosen, values(chosen));
    }
    return std::nullopt;
}

void CannedContext::insertPrompt(Chat::Prompt prompt, const Chat *current)
{
    const CannedFlag flag =
        prompt == Chat::Prompt::SafetyCheck ? CannedFlag::SafetyCheck : CannedFlag::MandatoryReporting;
    // The program's wording from the library; the built-in text only when the library has no such entry.
    std::optional<CannedSearchModel::Choice> choice = programWording(flag, current);
    if (!choice) {
        const QString text =
            prompt == Chat::Prompt::SafetyCheck
                ? tr("Before we go on: are you worried that anyone else might have access to your device or our "
                     "conversation?")
                : tr("What you share here stays confidential, with some exceptions: if you tell me a child or a "
                     "vulnerable adult is being hurt, I may have to report it. Please ask me if you have questions.");
        choice = CannedSearchModel::Choice{QString(), text, {flag}, {}, {}, language(current), false};
    }
    m_compose.insertCanned(*choice);
}

QString CannedContext::idleCloseText()
{
    return tr("I haven't heard from you for a while, so I'm closing this chat. You can reach us again any time.");
}

void CannedContext::checkIn(Chat &current)
{
    const CannedFlag flag = CannedFlag::CheckIn;
    const QString builtIn = tr("Are you still there? Take your time, I'm here when you're ready.");
    const std::optional<CannedSearchModel::Choice> canned = programWording(flag, &current);
    if (canned && canned->unknown.isEmpty() && canned->missing.isEmpty() && !canned->fallback) {
        current.checkIn(canned->text, canned->flags);
        return;
    }
    // The built-in wording is in the interface's language: sent at once only when that is the chat's language.
    const QString interfaceLanguage =
        m_uiLanguage && !m_uiLanguage->current().isEmpty() ? m_uiLanguage->current() : QStringLiteral("en");
    if (!canned && current.language().section(u'-', 0, 0) == interfaceLanguage) {
        current.checkIn(builtIn, {flag});
        return;
    }
    m_compose.insertCanned(
        canned ? *canned : CannedSearchModel::Choice{QString(), builtIn, {flag}, {}, {}, language(&current), false});
}

void CannedContext::newPersonalEntry(const Chat *current)
{
    auto *dialog = new PersonalEntryDialog(language(current).section(u'-', 0, 0), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonalEntryDialog::saveRequested, this, [this, dialog] {
        int n = 1;
        while (m_shift.cannedLibrary().find(QStringLiteral("personal.%1").arg(n)))
            ++n;
        const QList<CannedIssue> issues =
            m_shift.addPersonalCanned(dialog->entry(QStringLiteral("personal.%1").arg(n)));
        if (CannedIssue::anyError(issues))
            dialog->showProblems(issues);
        else
            dialog->accept();
    });
    dialog->open();
}

void CannedContext::showLibraryProblems()
{
    QStringList lines;
    for (const CannedIssue &issue : m_shift.cannedLibrary().issues())
        lines.append(issue.message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Canned-response library"),
                                tr("The canned-response library has %n problem(s). Everything valid can be used; "
                                   "tell your supervisor or IT so the file can be fixed.",
                                   nullptr, static_cast<int>(lines.size())),
                                QMessageBox::Ok, &m_window);
    box->setObjectName(QStringLiteral("libraryProblemsBox"));
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(lines.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace advocate
