// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QString>

#include <optional>

namespace advocate {

// The structured note that goes with a chat handed to another advocate (requirement WS12), and the code word
// that moves with it (WS10). The relay carries it as an opaque body it never reads (RL1), so the workstation
// encodes and checks it here: toBody() on the sender, fromBody() on the receiver. The note tool warns about
// identifying details field by field with IdentifyingDetails.
struct HandoffNote
{
    static constexpr qsizetype maxFieldLength = 2000;   // UTF-16 units, each of the four note fields
    static constexpr qsizetype maxCodeWordLength = 100; // UTF-16 units

    QString summary;
    QString safetyConcerns;
    QString promised; // what was promised to the survivor
    QString nextStep;
    QString codeWord; // empty when the conversation has none

    // A compact JSON object with the five string fields ("summary", "safetyConcerns", "promised", "nextStep",
    // "codeWord"), every field present. The limits above are not enforced here: a field the form let grow
    // past them gives a body that fromBody() refuses.
    QString toBody() const;

    // The note in `body`, or nothing when the body is not a JSON object, has a field that is not one of the five
    // or is not a string, or a field over its limit. Missing fields are empty.
    static std::optional<HandoffNote> fromBody(const QString &body);

    // Nothing but white space in every field.
    bool isEmpty() const;

    bool operator==(const HandoffNote &) const = default;
};

} // namespace advocate
