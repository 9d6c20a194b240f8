#include "core/present/board.hpp"

#include <cctype>

#include "core/answers.hpp"

namespace jup::present {

const char* const kRatingWords[4] = {"Not at all", "A little", "Quite a lot", "A lot"};
const char* const kRatingQuestion = "How much does this hold us back here?";

int barrier_count(const Board& b) {
    int n = 0;
    for (auto& g : b.barrier_groups) n += (int)g.barriers.size();
    return n;
}

int rated_count(const Board& b, const Answers& a) {
    int n = 0;
    for (auto& g : b.barrier_groups)
        for (auto& it : g.barriers) n += (int)a.ratings.count(it.id);
    return n;
}

std::string short_title(const std::string& title) {
    std::string t = title;
    for (const char* cut : {":", ",", " ("}) {
        size_t k = t.find(cut);
        if (k != std::string::npos && k >= 12) t = t.substr(0, k);
    }
    return t;
}

std::string boards_intro() {
    return "Seven questions from London's 2021 report on joining up health and care. Open one to see what stands in the way, "
           "what helps and what the report commits to, and to give your own view. Your answers stay in this browser.";
}

std::vector<BoardCard> board_cards(const Content& c, const State& s) {
    std::vector<BoardCard> out;
    for (auto& b : c.boards) {
        int total = barrier_count(b), rated = rated_count(b, s.answers);
        std::string progress = rated ? "You rated " + std::to_string(rated) + " of " + std::to_string(total) + " barriers"
                                     : std::to_string(total) + " barriers, " + std::to_string(b.commitments.size()) + " commitments";
        out.push_back({&b, b.order == 0 ? "The big question" : b.title, b.question.text, progress, make_action("open_board", {{"board", b.id}})});
    }
    return out;
}

std::string header(const Section& s) { return s.ask.empty() ? s.title : s.title + ": " + s.ask; }

static Entry plain(const Item& it) {
    Entry e;
    e.item = &it;
    return e;
}

static Option option(const Item& it) {
    Option o;
    o.item = &it;
    return o;
}

static PrioritiesChoice priorities_choice(const Answers& a, const Board& b) {
    PrioritiesChoice pc;
    pc.title = "Choose up to three priority outcomes";
    pc.intro = "Which outcomes should your borough partnership deliver in the next 12 months? Choose at most three.";
    pc.ask = "What will you de-prioritise for the next year?";
    for (auto& o : b.options) {
        Option op = option(o);
        op.on = a.priorities.count(o.id) > 0;
        op.enabled = op.on || (int)a.priorities.size() < kMaxPriorities;
        if (!op.enabled) op.hint = "You have chosen three already. Remove one to choose this.";
        op.toggle = make_action("toggle_priority", {{"option", o.id}});
        pc.options.push_back(op);
    }
    pc.deprioritised = a.deprioritised;
    pc.set_deprioritised = make_action("set_deprioritised", {{"text", ""}});
    pc.counts = priorities_count(a);
    for (auto& cm : b.commitments)
        if (cm.id == b.choice.reason) pc.reason = &cm;
    if (a.priorities.empty()) pc.status = "Choose your priorities above.";
    else if (pc.counts) pc.status = "Your choice of " + std::to_string(a.priorities.size()) + " priorities counts.";
    else {
        pc.status = "Your choice counts once you say what you will de-prioritise.";
        if (pc.reason) pc.status += " The report asks: \xE2\x80\x9C" + pc.reason->text + "\xE2\x80\x9D";
    }
    return pc;
}

static PoolChoice pool_choice(const Content& c, const Answers& a, const Board& b) {
    PoolChoice pc;
    pc.title = "Your choice: pool by default?";
    pc.intro = "Which comes closest to what you think? These options are the ones the documents name.";
    pc.exceptions_ask =
        "The report says \"except where there is a compelling reason not to\" but never says what such a reason is. What would yours be?";
    for (auto& o : b.options) {
        Option op = option(o);
        op.on = a.pool_choice == o.id;
        op.toggle = make_action("set_pool_choice", {{"option", op.on ? "" : o.id}});
        pc.options.push_back(op);
    }
    pc.exceptions = a.pool_exceptions;
    for (size_t i = 0; i < a.pool_exceptions.size(); ++i) pc.remove_exception.push_back(make_action("remove_pool_exception", {{"index", (int)i}}));
    pc.add_exception = make_action("add_pool_exception", {{"text", ""}});
    // The what-if runs on the pack's first budget report; without one there is nothing to try.
    if (!c.money.reports.empty()) {
        const std::string& area = c.money.reports.front().area;
        pc.try_label = area.empty() ? "Try pooling on a real budget" : "Try pooling on " + area + "'s real budget";
        pc.try_it = {make_action("set_view", {{"view", "pound"}}), make_action("pound_tab", {{"tab", "whatif"}})};
    }
    return pc;
}

BoardPage board_page(const Content& c, const State& s, const Board& b) {
    const Answers& a = s.answers;
    BoardPage pg;
    pg.board = &b;
    pg.heading = b.title + " board";
    int idx = 0, n = (int)c.boards.size();
    for (int k = 0; k < n; ++k)
        if (c.boards[k].id == b.id) idx = k;
    pg.position = "Board " + std::to_string(idx + 1) + " of " + std::to_string(n) + ": " + (b.p.empty() ? b.title : b.p);
    if (idx > 0) pg.prev = c.boards[idx - 1].id;
    if (idx + 1 < n) pg.next = c.boards[idx + 1].id;
    if (b.choice.kind == "priorities") pg.priorities = priorities_choice(a, b);
    if (b.choice.kind == "pool-by-default") pg.pool = pool_choice(c, a, b);

    int total = barrier_count(b);
    if (total) {
        std::string q = kRatingQuestion;
        q[0] = (char)std::tolower((unsigned char)q[0]);
        pg.rating_progress = "For each barrier: " + q + " You rated " + std::to_string(rated_count(b, a)) + " of " +
                             std::to_string(total) + ".";
        pg.sections.push_back({"barriers", "Barriers", "", "What the documents say holds London back.", 2, true, {}});
    }
    for (auto& g : b.barrier_groups) {
        Section sec{"barriers-" + g.id, g.title, "", "", 3, true, {}};
        for (auto& it : g.barriers) {
            Entry e = plain(it);
            e.control = Control::Rating;
            auto r = a.ratings.find(it.id);
            e.rating = r == a.ratings.end() ? -1 : r->second;
            for (int v = 0; v < 4; ++v)
                e.rate[v] = make_action("rate_barrier", {{"barrier", it.id}, {"rating", e.rating == v ? nlohmann::json() : nlohmann::json(v)}});
            sec.entries.push_back(e);
        }
        pg.sections.push_back(std::move(sec));
    }
    auto section = [&](const char* key, const char* title, const char* ask, const char* intro, const std::vector<Item>& v, bool open = true) -> Section* {
        if (v.empty()) return nullptr;
        pg.sections.push_back({key, title, ask, intro, 2, open, {}});
        for (auto& it : v) pg.sections.back().entries.push_back(plain(it));
        return &pg.sections.back();
    };
    if (Section* sec = section("enablers", "What helps", "back the ones you support", "What the documents say helps.", b.enablers))
        for (auto& e : sec->entries) {
            e.control = Control::Back;
            e.on = a.enablers.count(e.item->id) > 0;
            e.control_label = "I back this";
            e.toggle = make_action("toggle_enabler", {{"enabler", e.item->id}});
        }
    section("tradeoffs", "Trade-offs and risks", "", "Tensions the documents name.", b.tradeoffs);
    if (Section* sec = section("commitments", "What this would look like in practice", "would you sign up?",
                               "What the report asks partners to commit to.", b.commitments))
        for (auto& e : sec->entries) {
            e.prefix = e.item->id;
            e.control = Control::SignUp;
            e.on = a.commitments.count(e.item->id) > 0;
            e.control_label = "I would sign up to " + e.item->id;
            e.toggle = make_action("toggle_commitment", {{"commitment", e.item->id}});
        }
    section("quotes", "Voices from the engagement", "", "What contributors said.", b.quotes, false);
    if (Section* sec = section("evidence", "Related evidence from the other documents", "", "", b.evidence, false))
        for (auto& e : sec->entries) {
            std::string k = e.item->kind.empty() ? "Evidence" : e.item->kind;
            k[0] = (char)std::toupper((unsigned char)k[0]);
            std::string d = e.item->doc.empty() ? e.item->source.doc : e.item->doc;
            const Document* doc = c.document(d);
            e.prefix = d.empty() ? k : k + " (from " + (doc ? short_title(doc->title) : "document " + d) + ")";
        }

    auto note = a.notes.find(b.id);
    pg.note_title = "Your note on this board";
    pg.note = note == a.notes.end() ? "" : note->second;
    pg.set_note = make_action("set_note", {{"board", b.id}, {"text", ""}});
    pg.cases_title = "Case studies: see them on the map";
    for (auto& id : b.case_studies)
        if (const CaseStudy* cs = c.case_study(id))
            pg.case_studies.push_back({cs, {make_action("select_case_study", {{"case_study", id}}), make_action("set_view", {{"view", "map"}})}});
    return pg;
}

PresenterSlide presenter_slide(const Content& c, const State& s) {
    PresenterSlide sl;
    const Board* b = c.board(s.board);
    if (!b && !c.boards.empty()) b = &c.boards.front();
    if (!b) return sl;
    sl.board = b;
    int idx = 0;
    for (int k = 0; k < (int)c.boards.size(); ++k)
        if (c.boards[k].id == b->id) idx = k;
    sl.position = std::to_string(idx + 1) + " / " + std::to_string(c.boards.size()) + "   " + b->p + "   (arrow keys to move, Esc to leave)";
    sl.question = b->question.text;
    if (!b->opening_quote.text.empty()) sl.quote = "\xE2\x80\x9C" + b->opening_quote.text + "\xE2\x80\x9D";
    auto label = [](const Item& it) { return it.label.empty() ? it.text : it.label; };
    sl.left_title = "What stands in the way";
    for (auto& g : b->barrier_groups)
        for (auto& it : g.barriers) sl.left.push_back(label(it));
    sl.right_title = b->commitments.empty() ? "What helps" : "What we commit to";
    for (auto& it : b->commitments.empty() ? b->enablers : b->commitments) sl.right.push_back(label(it));
    sl.next = make_action("present_step", {{"delta", 1}});
    sl.prev = make_action("present_step", {{"delta", -1}});
    sl.leave = make_action("set_presenter", {{"on", false}});
    return sl;
}

}  // namespace jup::present
