#include "core/present/tally.hpp"

#include <algorithm>
#include <cstdio>

#include "core/format.hpp"
#include "core/present/board.hpp"

namespace jup::present {

namespace {
std::string one_decimal(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}


TallyBlock votes(const std::string& title, const std::vector<Item>& items, const std::map<std::string, int>& counts, int people, bool with_id) {
    TallyBlock b;
    b.title = title;
    std::vector<std::pair<int, const Item*>> rows;
    for (auto& it : items) {
        auto f = counts.find(it.id);
        if (f != counts.end() && f->second > 0) rows.push_back({f->second, &it});
    }
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (auto& [n, it] : rows)
        b.votes.push_back({it, (with_id ? it->id + " " : "") + (it->label.empty() ? it->text : it->label),
                           std::to_string(n) + " of " + std::to_string(people)});
    if (!rows.empty() && rows.size() < items.size()) b.others = fmt::count(items.size() - rows.size(), "other", "others") + ": no votes.";
    return b;
}

void add(std::vector<TallyBlock>& v, TallyBlock b) {
    if (!b.votes.empty() || !b.texts.empty()) v.push_back(std::move(b));  // nothing chosen, nothing said: no block
}

TallyBlock words(const std::string& title, std::vector<std::string> texts) { return {title, {}, "", std::move(texts)}; }

bool any_answer(const Board& b, const Tally& t) {
    auto in = [](const std::vector<Item>& v, const std::map<std::string, int>& m) {
        for (auto& it : v)
            if (m.count(it.id)) return true;
        return false;
    };
    for (auto& g : b.barrier_groups)
        for (auto& it : g.barriers)
            if (t.ratings.count(it.id)) return true;
    if (in(b.enablers, t.enablers) || in(b.commitments, t.commitments) || t.notes.count(b.id)) return true;
    if (b.choice.kind == "pool-by-default") return !t.pool_choices.empty() || !t.pool_exceptions.empty();
    if (b.choice.kind == "priorities") return !t.priorities.empty() || t.priorities_not_counted;
    return false;
}

TallyBoard board_tally(const Board& b, const Tally& t) {
    TallyBoard tb;
    tb.board = &b;
    tb.answered = any_answer(b, t);
    tb.heading = b.title + ": " + b.question.text + (tb.answered ? "" : " (no answers yet)");
    tb.ratings_title = "Barrier (how much it holds us back, 0-3)";
    for (auto& g : b.barrier_groups)
        for (auto& it : g.barriers) {
            auto f = t.ratings.find(it.id);
            if (f == t.ratings.end()) continue;
            const RatingStat& s = f->second;
            TallyRating r;
            r.item = &it;
            r.mean_value = s.mean;
            r.mean = one_decimal(s.mean);
            r.spread = "\xC2\xB1" + one_decimal(s.sd);
            r.n = s.n;
            for (int k = 0; k < 4; ++k) {
                r.counts[k] = s.counts[k];
                r.breakdown += (k ? "\n" : "") + std::string(kRatingWords[k]) + ": " + std::to_string(s.counts[k]);
            }
            tb.ratings.push_back(std::move(r));
        }
    std::stable_sort(tb.ratings.begin(), tb.ratings.end(), [](auto& x, auto& y) { return x.mean_value > y.mean_value; });
    add(tb.blocks, votes("Backed enablers", b.enablers, t.enablers, t.counted, false));
    add(tb.blocks, votes("Commitments people would sign up to", b.commitments, t.commitments, t.counted, true));
    if (b.choice.kind == "priorities") {
        add(tb.blocks, votes("Priority outcomes (counted only with something de-prioritised)", b.options, t.priorities, t.counted, false));
        if (t.priorities_not_counted)
            tb.blocks.push_back({fmt::count(t.priorities_not_counted, "participant", "participants") +
                                     " chose priorities without naming what to de-prioritise: not counted.", {}, "", {}});
        std::vector<std::string> said;
        for (auto& [who, text] : t.deprioritised) said.push_back(text);
        add(tb.blocks, words("What people would de-prioritise for the next year:", said));
    }
    if (b.choice.kind == "pool-by-default") {
        add(tb.blocks, votes("Pool by default?", b.options, t.pool_choices, t.counted, false));
        add(tb.blocks, words("Compelling reasons not to pool, in participants' words:", t.pool_exceptions));
    }
    auto n = t.notes.find(b.id);
    if (n != t.notes.end()) add(tb.blocks, words("Notes:", n->second));
    return tb;
}
}  // namespace

TallyPage tally_page(const Content& c, const Tally* t, bool files_open) {
    TallyPage p;
    p.title = "Room tally";
    p.intro = "Gather the room's answers: ask each participant to save their answers to a file, collect the files, and open them all "
              "here at once (or drop them on this window). Files stay on this device. The same file twice counts once.";
    p.empty = "No answer files yet.";
    p.has_files = t && files_open;
    if (!p.has_files) return p;
    p.counted = fmt::count(t->files, "file", "files") + " read; " + fmt::count(t->counted, "participant", "participants") + " counted.";
    if (!t->skipped.empty())
        p.skipped_title = fmt::count(t->skipped.size(), "file", "files") + " could not be read and " + (t->skipped.size() == 1 ? "was" : "were") + " skipped:";
    p.skipped = t->skipped;
    if (!t->duplicates.empty()) p.duplicates_title = "Counted once (" + std::to_string(t->duplicates.size()) + ")";
    p.duplicates = t->duplicates;
    if (!t->warnings.empty()) p.warnings_title = "Parts of files skipped (" + std::to_string(t->warnings.size()) + ")";
    p.warnings = t->warnings;
    for (auto& b : c.boards) p.boards.push_back(board_tally(b, *t));
    return p;
}

}  // namespace jup::present
