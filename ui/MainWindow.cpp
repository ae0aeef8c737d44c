// SPDX-License-Identifier: GPL-3.0-only
#include "MainWindow.h"

#include "client/RelayConnection.h"

#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace advocate {

MainWindow::MainWindow(RelayConnection &connection, QWidget *parent) : QMainWindow(parent), m_connection(connection)
{
    setWindowTitle(tr("Advocate Desk"));
    setObjectName(QStringLiteral("mainWindow"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_status = new QLabel(central);
    m_status->setObjectName(QStringLiteral("relayStatus"));
    m_status->setAccessibleName(tr("Relay connection status"));
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    layout->addStretch();
    setCentralWidget(central);
    resize(900, 600);

    connect(&m_connection, &RelayConnection::stateChanged, this, &MainWindow::showConnectionState);
    showConnectionState();
}

void MainWindow::showConnectionState()
{
    switch (m_connection.state()) {
    case RelayConnection::State::Disconnected:
        m_status->setText(tr("Not connected to the relay."));
        break;
    case RelayConnection::State::Connecting:
        m_status->setText(tr("Connecting to the relay…"));
        break;
    case RelayConnection::State::Connected:
        m_status->setText(
            tr("Connected to %1 (protocol %2).").arg(m_connection.serverName()).arg(m_connection.serverProtocol()));
        break;
    case RelayConnection::State::Failed:
        m_status->setText(m_connection.errorString());
        break;
    }
    statusBar()->showMessage(m_status->text());
}

} // namespace advocate
