// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace advocate {

// The workstation's interface language (WS18): English or Spanish from the embedded catalogues, switched while
// running. Installing a catalogue makes Qt send LanguageChange to every widget, which retranslates itself.
class UiLanguage : public QObject
{
    Q_OBJECT
public:
    explicit UiLanguage(QObject *parent = nullptr);
    ~UiLanguage() override;

    // Language codes with an embedded catalogue, in menu order.
    static QStringList shipped();
    // The name of a shipped language in that language ("English", "Español").
    static QString nativeName(const QString &code);
    // The shipped language closest to the system's, else English.
    static QString systemDefault();

    // Installs `code`'s catalogues ("" = systemDefault()). False, and nothing changed, for a language without an
    // embedded catalogue.
    bool apply(const QString &code);
    QString current() const { return m_current; }

Q_SIGNALS:
    void changed(const QString &code);

private:
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current;
};

} // namespace advocate
