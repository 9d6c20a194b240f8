#include "core/answer_module.hpp"

#include "core/json_in.hpp"
#include "core/present/board.hpp"
#include "core/saved_session.hpp"
#include "core/share.hpp"

namespace jup {

using json = nlohmann::json;

// Whatever throws below becomes {"ok": false, "error": ...}: nothing reaches the wasm boundary.
template <class F>
std::string AnswerModule::guarded(const char* where, F&& f) {
    try {
        if (!loaded_ && std::string(where) != "load") return json_text({{"ok", false}, {"error", "the content is not loaded yet"}});
        json out = f();
        return json_text(out);
    } catch (const std::exception& e) {
        return json_text({{"ok", false}, {"error", std::string(where) + ": " + e.what()}});
    } catch (...) {
        return json_text({{"ok", false}, {"error", std::string(where) + ": unknown error"}});
    }
}

std::string AnswerModule::save() {
    std::string text = json_text(state_to_json(state_));
    if (text == saved_) return "";
    saved_ = text;
    return text;
}

static json save_field(const std::string& s) { return s.empty() ? json() : json(s); }

std::string AnswerModule::load(const std::string& files_json) {
    return guarded("load", [&] {
        json j;
        std::string err;
        std::vector<std::string> problems;
        if (!parse_json(files_json, j, err)) return json{{"ok", false}, {"errors", {"the content files are not valid JSON (" + err + ")"}}};
        MemReader reader;
        JsonIn list(j, "", problems);
        if (list.expect_array())
            for (size_t i = 0; i < list.size(); ++i) {
                std::string path, text;
                JsonIn f = list.at(i);
                if (f.text("path", path, 1000, true) && f.text("text", text, SIZE_MAX, true)) reader.files[path] = text;
            }
        content_ = load_content(reader);
        json errors = json::array();
        for (auto& p : problems) errors.push_back(p);
        for (auto& i : content_.issues)
            if (!i.warning) errors.push_back(i.str());
        loaded_ = true;  // a damaged pack still shows what it can, as the app does
        return json{{"ok", errors.empty()}, {"errors", errors}};
    });
}

std::string AnswerModule::open(const std::string& stored, double now_ms) {
    return guarded("open", [&] {
        OpenedSession o = open_saved_session(stored, (long long)now_ms);
        state_ = std::move(o.state);
        saved_ = o.saved;
        return json{{"ok", true}, {"notice", o.notice}, {"backup_key", o.backup_key}, {"save", save_field(save())}};
    });
}

std::string AnswerModule::apply(const std::string& action_json) {
    return guarded("apply", [&] {
        json j;
        std::string err;
        Action a;
        if (!parse_json(action_json, j, err)) return json{{"ok", false}, {"error", "the action is not valid JSON (" + err + ")"}};
        if (!action_from_json(j, a, err)) return json{{"ok", false}, {"error", err}};
        ApplyResult r = jup::apply(state_, a, content_.content);
        return json{{"ok", r.ok}, {"error", r.error}, {"warnings", r.warnings}, {"save", save_field(save())}};
    });
}

static json option_json(const present::Option& o) {
    return {{"id", o.item->id}, {"on", o.on}, {"enabled", o.enabled}, {"hint", o.hint}, {"toggle", o.toggle.args}};
}

std::string AnswerModule::board(const std::string& id) {
    return guarded("board", [&] {
        const Board* b = content_.content.board(id);
        if (!b) return json{{"ok", false}, {"error", "no board \"" + id + "\""}};
        present::BoardPage pg = present::board_page(content_.content, state_, *b);
        json entries = json::array();
        for (auto& sec : pg.sections)
            for (auto& e : sec.entries) {
                if (e.control == present::Control::None) continue;
                json x = {{"id", e.item->id}, {"label", e.control_label}};
                if (e.control == present::Control::Rating) {
                    x["control"] = "rating";
                    x["rating"] = e.rating;
                    x["rate"] = json::array();
                    for (auto& r : e.rate) x["rate"].push_back(r.args);
                } else {
                    x["control"] = e.control == present::Control::Back ? "back" : "signup";
                    x["on"] = e.on;
                    x["toggle"] = e.toggle.args;
                }
                entries.push_back(x);
            }
        json out = {{"ok", true}, {"board", b->id}, {"has_answers", !state_.answers.empty()}, {"rating_progress", pg.rating_progress},
                    {"entries", entries}, {"note", pg.note}, {"set_note", pg.set_note.args}, {"priorities", nullptr}, {"pool", nullptr}};
        if (pg.priorities) {
            auto& p = *pg.priorities;
            json opts = json::array();
            for (auto& o : p.options) opts.push_back(option_json(o));
            out["priorities"] = {{"options", opts}, {"deprioritised", p.deprioritised}, {"set_deprioritised", p.set_deprioritised.args},
                                 {"counts", p.counts}, {"status", p.status}};
        }
        if (pg.pool) {
            auto& p = *pg.pool;
            json opts = json::array(), remove = json::array();
            for (auto& o : p.options) opts.push_back(option_json(o));
            for (auto& r : p.remove_exception) remove.push_back(r.args);
            out["pool"] = {{"options", opts}, {"exceptions", p.exceptions}, {"remove_exception", remove}, {"add_exception", p.add_exception.args}};
        }
        return out;
    });
}

std::string AnswerModule::other_tab(const std::string& stored) {
    return guarded("other_tab", [&] {
        OtherTab t = take_other_tab(state_, stored, saved_);
        std::string again = t == OtherTab::Cleared ? save() : "";
        return json{{"ok", true}, {"changed", t == OtherTab::Changed}, {"notice", t == OtherTab::Changed ? kOtherTabNotice : ""}, {"save", save_field(again)}};
    });
}

std::string AnswerModule::export_file(const std::string& iso_now) {
    return guarded("export", [&] {
        return json{{"ok", true}, {"name", answers_file_name(state_)}, {"text", json_text(export_answers(state_, iso_now), 1)}};
    });
}

std::string AnswerModule::import_file(const std::string& name, const std::string& text) {
    return guarded("import", [&] {
        ApplyResult r = jup::apply(state_, make_action("import_answers", {{"file", text}}), content_.content);
        return json{{"ok", r.ok}, {"notice", import_notice(name, r)}, {"save", save_field(save())}};
    });
}

std::string AnswerModule::share(const std::string& page_url) {
    return guarded("share", [&] {
        ShareEncoded e = encode_share(state_);
        return json{{"ok", true}, {"url", page_url + "#" + e.fragment}, {"dropped_text", e.dropped_text}};
    });
}

std::string AnswerModule::check_share(const std::string& fragment) {
    return guarded("check_share", [&] {
        ShareCheck c = jup::check_share(state_, fragment);
        return json{{"ok", true}, {"error", c.error}, {"question", c.question}};
    });
}

std::string AnswerModule::open_share(const std::string& fragment, bool keep_answers) {
    return guarded("open_share", [&] {
        ApplyResult r = jup::apply(state_, make_action("open_share", {{"fragment", fragment}, {"keep_answers", keep_answers}}), content_.content);
        return json{{"ok", r.ok}, {"notice", share_notice(r)}, {"save", save_field(save())}};
    });
}

std::string AnswerModule::state() {
    return guarded("state", [&] { return state_to_json(state_); });
}

}  // namespace jup
