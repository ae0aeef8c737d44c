// SPDX-License-Identifier: GPL-3.0-only
// Speed of the canned-response picker and the draft checks (issue 6, item 7), both run on the UI thread as the
// advocate types:
//   build/bench/bench/canned/canned_bench [RUNS]
// Searches a generated 2,000-entry library (English and Spanish, about 300 characters a text) with a mix of
// queries, and runs all draft checks on a 4,000-character draft holding emoji, slang and a shouted stretch. Prints
// the median, p95 and max of RUNS (default 2000) timed runs of each operation; the target is under 1 ms.
#include "canned/CannedLibrary.h"
#include "canned/CannedSearchModel.h"
#include "canned/DraftChecks.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace advocate;

namespace {

struct Stats
{
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back()};
}

// `target`: whether the 1 ms budget applies to this figure.
void print(const char *what, const Stats &s, std::size_t runs, bool target = true)
{
    std::printf("%-44s runs=%-6zu median %8.4f ms  p95 %8.4f ms  max %8.4f ms  %s\n", what, runs, s.median, s.p95,
                s.max,
                !target          ? ""
                : s.median < 1.0 ? "(under 1 ms)"
                                 : "(OVER 1 ms)");
}

QString words(QRandomGenerator &random, const QStringList &pool, int count)
{
    QStringList picked;
    for (int i = 0; i < count; ++i)
        picked.append(pool.at(static_cast<int>(random.bounded(static_cast<int>(pool.size())))));
    return picked.join(u' ');
}

QByteArray generatedLibrary(int entries)
{
    QRandomGenerator random(42);
    const QStringList english{QStringLiteral("safety"),   QStringLiteral("plan"),    QStringLiteral("shelter"),
                              QStringLiteral("tonight"),  QStringLiteral("support"), QStringLiteral("call"),
                              QStringLiteral("children"), QStringLiteral("court"),   QStringLiteral("order"),
                              QStringLiteral("housing"),  QStringLiteral("phone"),   QStringLiteral("private"),
                              QStringLiteral("listen"),   QStringLiteral("options"), QStringLiteral("advocate")};
    const QStringList spanish{QStringLiteral("seguridad"), QStringLiteral("plan"),     QStringLiteral("refugio"),
                              QStringLiteral("esta"),      QStringLiteral("noche"),    QStringLiteral("apoyo"),
                              QStringLiteral("llamar"),    QStringLiteral("niños"),    QStringLiteral("corte"),
                              QStringLiteral("vivienda"),  QStringLiteral("teléfono"), QStringLiteral("privado"),
                              QStringLiteral("escuchar"),  QStringLiteral("opciones"), QStringLiteral("línea")};
    const QList<CannedCategory> categories = allCannedCategories();
    QJsonArray array;
    for (int i = 0; i < entries; ++i) {
        array.append(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("gen.%1").arg(i)},
                        {QStringLiteral("category"), cannedCategoryName(categories.at(i % categories.size()))},
                        {QStringLiteral("shortcut"), QStringLiteral("s%1").arg(i)},
                        {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), words(random, english, 4)},
                                                              {QStringLiteral("es"), words(random, spanish, 4)}}},
                        {QStringLiteral("text"), QJsonObject{{QStringLiteral("en"), words(random, english, 40)},
                                                             {QStringLiteral("es"), words(random, spanish, 40)}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("entries"), array}}).toJson();
}

QString generatedDraft(int chars)
{
    const QString piece =
        QStringLiteral("I hear you, and what happened is not your fault. btw we can make a plan "
                       "together 🙏🏽 whenever you are ready. PLEASE STAY SAFE TONIGHT IF YOU CAN. "
                       "Call 1-800-799-7233 any time, lol, the lollipop is fine. ");
    QString draft;
    while (draft.size() < chars)
        draft.append(piece);
    draft.truncate(chars);
    return draft;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::size_t runs = argc > 1 ? std::max(10, QString::fromLocal8Bit(argv[1]).toInt()) : 2000;

    const CannedLibrary library = CannedLibrary::fromJson(generatedLibrary(2000), QStringLiteral("generated"));
    if (library.entries().size() != 2000 || library.hasErrors()) {
        std::fprintf(stderr, "generated library did not load: %d entries\n",
                     static_cast<int>(library.entries().size()));
        return 1;
    }
    const QStringList queries{QStringLiteral("/s19"),
                              QStringLiteral("safety"),
                              QStringLiteral("plan noche"),
                              QStringLiteral("LINEA"),
                              QStringLiteral("nothing matches this"),
                              QStringLiteral("court order")};
    std::size_t found = 0;
    std::vector<double> searchMs;
    QElapsedTimer timer;
    for (std::size_t i = 0; i < runs; ++i) {
        const QString &query = queries.at(static_cast<qsizetype>(i % static_cast<std::size_t>(queries.size())));
        timer.start();
        found += static_cast<std::size_t>(library.search(query).size());
        searchMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }

    const DraftChecks checks(library.policy());
    const QString draft = generatedDraft(4000);
    const QStringList inserted{draft};
    std::size_t warnings = 0;
    std::vector<double> checkMs;
    for (std::size_t i = 0; i < runs; ++i) {
        timer.start();
        warnings += static_cast<std::size_t>(checks.check(draft, QStringLiteral("en"), inserted).size());
        checkMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }

    std::printf("canned_bench: 2000-entry library, %d-character draft (%zu results, %zu warnings in all)\n",
                static_cast<int>(draft.size()), found, warnings);
    print("search (2,000 entries, mixed queries)", stats(searchMs), runs);
    print("all draft checks (4,000 characters)", stats(checkMs), runs);

    // Each check alone, to see where the time goes.
    const auto timeOne = [&](const char *what, const auto &run) {
        std::vector<double> ms;
        for (std::size_t i = 0; i < runs; ++i) {
            timer.start();
            warnings += static_cast<std::size_t>(run().size());
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        print(what, stats(ms), runs);
    };
    timeOne("  emoji only", [&] { return checks.checkEmoji(draft); });
    timeOne("  slang only", [&] { return checks.checkSlang(draft, QStringLiteral("en")); });
    timeOne("  shouting only", [&] { return checks.checkShouting(draft); });
    timeOne("  unchanged canned only", [&] { return checks.checkUnchangedCanned(draft, inserted); });

    // What the composer's `/` list does on each key (search, then up to 50 rows filled in the chat's language), and
    // what opening the panel on the whole library costs (every row filled).
    CannedSearchModel model;
    model.setLibrary(&library);
    model.setLanguage(QStringLiteral("es"));
    model.setPlaceholderValues({{QStringLiteral("advocate"), QStringLiteral("Ana")},
                                {QStringLiteral("program"), QStringLiteral("Safe Harbor")}});
    std::vector<double> listMs;
    for (std::size_t i = 0; i < runs; ++i) {
        const QString &query = queries.at(static_cast<qsizetype>(i % static_cast<std::size_t>(queries.size())));
        timer.start();
        model.setQuery(query);
        found += static_cast<std::size_t>(model.rowCount());
        listMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    print("/ list refresh (search + rows filled)", stats(listMs), runs);
    std::vector<double> panelMs;
    for (std::size_t i = 0; i < std::min<std::size_t>(runs, 200); ++i) {
        model.setQuery(QStringLiteral("x"));
        timer.start();
        model.setQuery(QString());
        found += static_cast<std::size_t>(model.rowCount());
        panelMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    print("panel opened on all 2,000 entries", stats(panelMs), std::min<std::size_t>(runs, 200), false);
    return 0;
}
