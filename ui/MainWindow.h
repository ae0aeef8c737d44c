// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QMainWindow>
#include <QUrl>

class QLabel;

namespace advocate {

class RelayConnection;

// The advocate's main window. It owns no conversation state: core/ objects hold it and the widgets only
// show it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(RelayConnection &connection, QWidget *parent = nullptr);

private:
    void showConnectionState();

    RelayConnection &m_connection;
    QLabel *m_status = nullptr;
};

} // namespace advocate
