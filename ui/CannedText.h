// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include "canned/CannedSearchModel.h"

#include <QString>

namespace advocate {

// What the advocate should know about a canned response before using it, in one translated sentence or two:
// that it is not in the chat's language, and which placeholders are left for them to fill. Empty when nothing.
QString cannedChoiceNotes(const CannedSearchModel::Choice &choice, const QString &chatLanguage);

} // namespace advocate
