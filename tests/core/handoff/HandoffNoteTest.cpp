// SPDX-License-Identifier: GPL-3.0-only
// The handoff note as the opaque body the relay carries: what the sender encodes, the receiver reads back, and
// what the receiver refuses.
#include "handoff/HandoffNote.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace advocate;

namespace {

HandoffNote fullNote()
{
    HandoffNote note;
    note.summary = QStringLiteral("Talked about leaving tonight; “safe” friend's place. 💜\nSecond line.");
    note.safetyConcerns = QStringLiteral("He checks her phone. Use the code word before anything else.");
    note.promised = QStringLiteral("Call-back window info; shelter intake hours.");
    note.nextStep = QStringLiteral("Ask whether the plan for tonight still holds. Ñ ü \\ \"quoted\"");
    note.codeWord = QStringLiteral("sunflower");
    return note;
}

} // namespace

TEST(HandoffNote, RoundTripKeepsEveryField)
{
    const HandoffNote note = fullNote();
    const std::optional<HandoffNote> back = HandoffNote::fromBody(note.toBody());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, note);
}

TEST(HandoffNote, BodyIsOneCompactJsonObjectWithTheFiveStringFields)
{
    const QString body = fullNote().toBody();
    EXPECT_FALSE(body.contains(u'\n')) << qPrintable(body); // the newline in the summary is escaped
    const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8());
    ASSERT_TRUE(document.isObject());
    const QJsonObject object = document.object();
    EXPECT_EQ(object.keys(),
              (QStringList{QStringLiteral("codeWord"), QStringLiteral("nextStep"), QStringLiteral("promised"),
                           QStringLiteral("safetyConcerns"), QStringLiteral("summary")}));
    EXPECT_EQ(object.value(QLatin1String("safetyConcerns")).toString(), fullNote().safetyConcerns);
}

TEST(HandoffNote, EmptyNoteRoundTripsAndMissingFieldsReadAsEmpty)
{
    EXPECT_EQ(HandoffNote::fromBody(HandoffNote().toBody()), HandoffNote());
    const std::optional<HandoffNote> partial = HandoffNote::fromBody(QStringLiteral(R"({"nextStep":"Check in"})"));
    ASSERT_TRUE(partial.has_value());
    EXPECT_EQ(partial->nextStep, QStringLiteral("Check in"));
    EXPECT_TRUE(partial->summary.isEmpty());
    EXPECT_TRUE(partial->codeWord.isEmpty());
    EXPECT_TRUE(HandoffNote::fromBody(QStringLiteral("{}")).has_value());
}

TEST(HandoffNote, BodyThatIsNotAJsonObjectIsRefused)
{
    for (const QString &body :
         {QString(), QStringLiteral("{"), QStringLiteral("[]"), QStringLiteral("null"), QStringLiteral(R"("summary")"),
          QStringLiteral("42"), QStringLiteral(R"({"summary":"a"} trailing)"), QStringLiteral("not json")}) {
        EXPECT_FALSE(HandoffNote::fromBody(body).has_value()) << qPrintable(body);
    }
}

TEST(HandoffNote, UnknownFieldIsRefused)
{
    EXPECT_FALSE(HandoffNote::fromBody(QStringLiteral(R"({"summary":"a","survivorName":"Rosa"})")).has_value());
    EXPECT_FALSE(HandoffNote::fromBody(QStringLiteral(R"({"Summary":"a"})")).has_value());
}

TEST(HandoffNote, FieldOfTheWrongTypeIsRefused)
{
    for (const QString &body : {QStringLiteral(R"({"summary":5})"), QStringLiteral(R"({"codeWord":null})"),
                                QStringLiteral(R"({"nextStep":["a"]})"), QStringLiteral(R"({"promised":{"text":"a"}})"),
                                QStringLiteral(R"({"safetyConcerns":true})")}) {
        EXPECT_FALSE(HandoffNote::fromBody(body).has_value()) << qPrintable(body);
    }
}

TEST(HandoffNote, FieldsAtTheirLimitAreReadAndOneCharacterMoreIsRefused)
{
    HandoffNote note;
    note.summary = QString(HandoffNote::maxFieldLength, u'a');
    note.safetyConcerns = QString(HandoffNote::maxFieldLength, u'b');
    note.promised = QString(HandoffNote::maxFieldLength, u'c');
    note.nextStep = QString(HandoffNote::maxFieldLength, u'd');
    note.codeWord = QString(HandoffNote::maxCodeWordLength, u'e');
    EXPECT_EQ(HandoffNote::fromBody(note.toBody()), note);

    HandoffNote longSummary = note;
    longSummary.summary.append(u'a');
    EXPECT_FALSE(HandoffNote::fromBody(longSummary.toBody()).has_value());
    HandoffNote longNextStep = note;
    longNextStep.nextStep.append(u'd');
    EXPECT_FALSE(HandoffNote::fromBody(longNextStep.toBody()).has_value());
    HandoffNote longCodeWord = note;
    longCodeWord.codeWord.append(u'e');
    EXPECT_FALSE(HandoffNote::fromBody(longCodeWord.toBody()).has_value());
}

TEST(HandoffNote, IsEmptyOnlyWhenEveryFieldIsBlank)
{
    HandoffNote note;
    EXPECT_TRUE(note.isEmpty());
    note.summary = QStringLiteral("  \n\t");
    EXPECT_TRUE(note.isEmpty());
    note.codeWord = QStringLiteral("sunflower");
    EXPECT_FALSE(note.isEmpty());
    HandoffNote nextStepOnly;
    nextStepOnly.nextStep = QStringLiteral("Call back at 6");
    EXPECT_FALSE(nextStepOnly.isEmpty());
}
