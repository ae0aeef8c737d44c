// SPDX-License-Identifier: GPL-3.0-only
// The authorization table against the one written out in ExpectedPermissions.h, for every operation, every
// role and every relation to the conversation. RouterTest walks the same matrix through real frames.
#include "relay/Authorization.h"

#include "ExpectedPermissions.h"

#include <gtest/gtest.h>

using namespace advocate;
using namespace advocate::test;

TEST(Authorization, TableMatchesTheDocumentedMatrixForEveryOperationRoleAndRelation)
{
    int checked = 0;
    for (const Operation operation : Authorization::allOperations()) {
        for (const std::optional<Role> role : allCallers()) {
            for (const Relation relation : {Relation::NoConversation, Relation::Participant, Relation::Outsider}) {
                EXPECT_EQ(Authorization::allows(operation, role, relation), expectedAllowed(operation, role, relation))
                    << qPrintable(operationName(operation)) << " by " << qPrintable(callerName(role)) << " relation "
                    << static_cast<int>(relation);
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 27 * 5 * 3);
}

TEST(Authorization, AdminsHaveNoChatOperations)
{
    for (const Operation operation : {Operation::Send, Operation::TakeNext, Operation::Fetch, Operation::End})
        EXPECT_FALSE(Authorization::allows(operation, Role::Admin, Relation::Participant));
}

TEST(Authorization, NobodyReadsAConversationTheyAreNotIn)
{
    for (const std::optional<Role> role : allCallers())
        EXPECT_FALSE(Authorization::allows(Operation::Fetch, role, Relation::Outsider));
}
