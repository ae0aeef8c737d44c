// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QPlainTextEdit>

namespace advocate {

// The message composer (requirement WS7): Enter or Ctrl+Enter sends, Shift+Enter starts a new line, Esc leaves
// the composer. The relay's length limit is enforced here so a message is never refused as too long.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    void setMaxLength(int maxChars);
    int maxLength() const { return m_maxChars; }
    // Characters as the relay counts them (code points).
    int length() const;

Q_SIGNALS:
    void sendRequested();
    void leaveRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void enforceLimit();

    int m_maxChars = 4000;
};

} // namespace advocate
