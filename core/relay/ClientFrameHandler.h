// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "protocol/Frames.h"

#include <QString>

#include <variant>

namespace advocate {

// The frame a handler is called for came on this connection; `type` is its wire name, for the inReplyTo of an
// answer.
struct FrameRequest
{
    quint64 connection = 0;
    QString type;
};

// The relay's dispatch of client frames: one handler per type of ADVOCATE_CLIENT_FRAMES, and one for the reserved
// types. A frame added to the list leaves every implementation abstract until it has a handler, so the relay does
// not compile without one. dispatch() does no checks: the caller has authorized the frame.
class ClientFrameHandler
{
public:
    virtual ~ClientFrameHandler() = default;

    void dispatch(const FrameRequest &request, const ClientFrame &frame)
    {
        std::visit([&](const auto &typed) { on(request, typed); }, frame);
    }

protected:
#define ADVOCATE_CLIENT_FRAME_HANDLER(Type, ...) virtual void on(const FrameRequest &request, const frame::Type &) = 0;
    ADVOCATE_CLIENT_FRAMES(ADVOCATE_CLIENT_FRAME_HANDLER)
#undef ADVOCATE_CLIENT_FRAME_HANDLER
    virtual void on(const FrameRequest &request, const frame::Reserved &reserved) = 0;
};

} // namespace advocate
