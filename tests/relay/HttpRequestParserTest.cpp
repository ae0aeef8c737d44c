// SPDX-License-Identifier: GPL-3.0-only
// The relay's HTTP request head reader on its own: each limit at the limit and one byte past it, whole lines and
// lines still arriving, and the strict syntax that keeps requests from being smuggled (issue 15, item 3).
#include "relay/HttpRequestParser.h"

#include <gtest/gtest.h>

using namespace advocate;
using State = HttpRequestParser::State;

namespace {

// Feeds `head` line by line (each line with its '\n').
HttpRequestParser parse(const QByteArray &head, HttpLimits limits = {})
{
    HttpRequestParser parser(limits);
    qsizetype from = 0;
    while (from < head.size() && (parser.state() == State::RequestLine || parser.state() == State::Headers)) {
        const qsizetype end = head.indexOf('\n', from);
        if (end < 0) {
            parser.partialLine(head.size() - from, head.at(from));
            break;
        }
        parser.feedLine(QByteArrayView(head).sliced(from, end + 1 - from));
        from = end + 1;
    }
    return parser;
}

} // namespace

TEST(HttpRequestParser, ReadsAGetWithItsHeaders)
{
    const HttpRequestParser parser =
        parse("GET /app.js?v=2 HTTP/1.1\r\nHost: relay.test\r\nAccept:  text/javascript \r\nX-Empty:\r\n\r\n");
    ASSERT_EQ(parser.state(), State::Complete);
    const HttpRequest &request = parser.request();
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.target, "/app.js?v=2");
    EXPECT_EQ(request.path, "/app.js");
    EXPECT_EQ(request.minorVersion, 1);
    EXPECT_EQ(request.header("accept"), "text/javascript");
    EXPECT_EQ(request.headerCount("x-empty"), 1);
    EXPECT_EQ(request.contentLength, 0);
    EXPECT_TRUE(request.keepAlive());
}

TEST(HttpRequestParser, TokensInListsAreFoundInAnyCase)
{
    const HttpRequestParser parser =
        parse("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Upgrade\r\nUpgrade: WebSocket\r\n\r\n");
    EXPECT_TRUE(parser.request().headerHasToken("connection", "upgrade"));
    EXPECT_TRUE(parser.request().headerHasToken("upgrade", "websocket"));
    EXPECT_FALSE(parser.request().headerHasToken("connection", "close"));
    EXPECT_FALSE(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n").request().keepAlive());
    EXPECT_FALSE(parse("GET / HTTP/1.0\r\n\r\n").request().keepAlive());
}

TEST(HttpRequestParser, TheRequestLineLimitHoldsForWholeAndUnfinishedLines)
{
    const HttpLimits limits{32, 64, 10};
    const QByteArray fixed = "GET / HTTP/1.1";
    const QByteArray atLimit = "GET /" + QByteArray(limits.requestLineBytes - fixed.size(), 'a') + " HTTP/1.1";
    EXPECT_EQ(parse(atLimit + "\r\nHost: a\r\n\r\n", limits).state(), State::Complete);
    const QByteArray past = "GET /" + QByteArray(limits.requestLineBytes - fixed.size() + 1, 'a') + " HTTP/1.1";
    const HttpRequestParser whole = parse(past + "\r\n", limits);
    EXPECT_EQ(whole.state(), State::Refused);
    EXPECT_EQ(whole.refusal(), 414);
    // Still arriving: the limit's bytes and no line end could still be a request line ending right there…
    EXPECT_EQ(parse(atLimit + "\r", limits).state(), State::RequestLine);
    // …one more cannot.
    EXPECT_EQ(parse(atLimit + "a\r", limits).refusal(), 414);
}

TEST(HttpRequestParser, TheHeaderLimitCountsEveryFieldLineWithItsLineEnd)
{
    const HttpLimits limits{64, 40, 10};
    const QByteArray host = "Host: a\r\n"; // 9 bytes
    const QByteArray fill = "X: " + QByteArray(40 - 9 - 5, 'b') + "\r\n";
    ASSERT_EQ(host.size() + fill.size(), 40);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n" + host + fill + "\r\n", limits).state(), State::Complete);
    const QByteArray over = "X: " + QByteArray(40 - 9 - 5 + 1, 'b') + "\r\n";
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n" + host + over + "\r\n", limits).refusal(), 431);
    // The limit is reached exactly: only the empty line may follow.
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n" + host + fill + "\r", limits).state(), State::Headers);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n" + host + fill + "Y", limits).refusal(), 431);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n" + host + fill + "Y: 1\r\n\r\n", limits).refusal(), 431);
}

TEST(HttpRequestParser, TheNumberOfHeaderFieldsIsLimited)
{
    const HttpLimits limits{64, 4096, 3};
    EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", limits).state(), State::Complete);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits).refusal(), 431);
}

TEST(HttpRequestParser, ContentLengthIsOneRunOfDigits)
{
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 42\r\n\r\n").request().contentLength, 42);
    for (const char *value : {"", "-1", "+1", "1.0", "0x1", "1 2", "1,1", "1000000000000000"})
        EXPECT_EQ(parse(QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ") + value + "\r\n\r\n").refusal(),
                  400)
            << value;
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\ncontent-length: 1\r\n\r\n").refusal(), 400);
}

TEST(HttpRequestParser, AnyTransferEncodingIsNotImplemented)
{
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").refusal(), 501);
    EXPECT_EQ(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: gzip\r\n\r\n").refusal(),
              501);
}

TEST(HttpRequestParser, StrictLineSyntax)
{
    for (const char *head : {"GET / HTTP/1.1\nHost: a\n\n", "GET / HTTP/1.1\r\nHost: a\n\r\n",
                             "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
                             "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "GET / HTTP/1.1\r\n: a\r\n\r\n",
                             "GET / HTTP/1.1\r\nHo st: a\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\x7f\r\n\r\n",
                             "GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n", "GET /a\rb HTTP/1.1\r\nHost: a\r\n\r\n",
                             "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", "GET /\x7f HTTP/1.1\r\nHost: a\r\n\r\n",
                             "GET * HTTP/1.1\r\nHost: a\r\n\r\n", "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
                             "GET / HTTP/1\r\nHost: a\r\n\r\n", "/ HTTP/1.1\r\nHost: a\r\n\r\n"})
        EXPECT_EQ(parse(head).refusal(), 400) << head;
}

TEST(HttpRequestParser, HostIsNeededOnceOnHttp11)
{
    EXPECT_EQ(parse("GET / HTTP/1.1\r\n\r\n").refusal(), 400);
    EXPECT_EQ(parse("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n").refusal(), 400);
    EXPECT_EQ(parse("GET / HTTP/1.0\r\n\r\n").state(), State::Complete);
    EXPECT_EQ(parse("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n").refusal(), 400);
}

TEST(HttpRequestParser, OtherHttpVersionsAre505)
{
    EXPECT_EQ(parse("GET / HTTP/2.0\r\nHost: a\r\n\r\n").refusal(), 505);
    EXPECT_EQ(parse("GET / HTTP/0.9\r\n\r\n").refusal(), 505);
}

TEST(HttpRequestParser, BlankLinesBeforeTheRequestLineAreSkippedWithinItsBudget)
{
    EXPECT_EQ(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n").state(), State::Complete);
    const HttpLimits limits{16, 64, 10};
    QByteArray blanks;
    for (int i = 0; i < 9; ++i)
        blanks += "\r\n";
    EXPECT_EQ(parse(blanks + "GET / HTTP/1.1\r\nHost: a\r\n\r\n", limits).refusal(), 400);
}

TEST(HttpRequestParser, ResetReadsTheNextRequestFromScratch)
{
    HttpRequestParser parser = parse("GET /one HTTP/1.1\r\nHost: a\r\nX: 1\r\n\r\n");
    ASSERT_EQ(parser.state(), State::Complete);
    parser.reset();
    EXPECT_EQ(parser.state(), State::RequestLine);
    parser.feedLine("HEAD /two HTTP/1.1\r\n");
    parser.feedLine("Host: b\r\n");
    parser.feedLine("\r\n");
    ASSERT_EQ(parser.state(), State::Complete);
    EXPECT_EQ(parser.request().path, "/two");
    EXPECT_EQ(parser.request().headerCount("x"), 0);
}
