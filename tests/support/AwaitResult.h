// SPDX-License-Identifier: GPL-3.0-only
#pragma once

#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <optional>

namespace advocate::test {

// Calls an asynchronous API that reports through a callback (`call` receives the callback to pass on), runs
// the event loop until the callback has run or `timeoutMs` has passed, and returns what it reported (a
// default-constructed Result, with a test failure, on time-out).
template <typename Result>
Result await(const std::function<void(std::function<void(Result)>)> &call, int timeoutMs = 30000)
{
    std::optional<Result> result;
    call([&result](Result r) { result = std::move(r); });
    EXPECT_TRUE(QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
        << "the asynchronous call did not report back";
    return result.has_value() ? std::move(*result) : Result{};
}

} // namespace advocate::test
