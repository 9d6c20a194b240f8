// The text edition's answer module (core/answer_module.*): the same apply, board page, files and
// links as the canvas app, through text in and text out, never throwing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/answer_module.hpp"
#include "core/json_in.hpp"
#include "core/saved_session.hpp"
#include "core/share.hpp"
#include "pack.hpp"

using nlohmann::json;

// The bundled pack as the page sends it: [{"path", "text"}], without the map's boundaries.
static std::string bundled_files() {
    json list = json::array();
    namespace fs = std::filesystem;
    for (auto& e : fs::recursive_directory_iterator(JOINEDUP_DATA_DIR)) {
        if (!e.is_regular_file()) continue;
        std::string rel = fs::relative(e.path(), JOINEDUP_DATA_DIR).generic_string();
        if (rel.rfind("geo/", 0) == 0) continue;
        std::ifstream f(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        list.push_back({{"path", rel}, {"text", ss.str()}});
    }
    return list.dump();
}

static json J(const std::string& s) { return json::parse(s); }

static jup::AnswerModule& loaded_module() {
    static jup::AnswerModule m;
    static bool once = [] {
        json r = J(m.load(bundled_files()));
        INFO(r.dump());
        REQUIRE(r["ok"] == true);
        return true;
    }();
    (void)once;
    return m;
}

TEST_CASE("answer module: before the content loads every call is refused in words") {
    jup::AnswerModule m;
    json r = J(m.apply(R"({"type":"set_view","view":"map"})"));
    REQUIRE(r["ok"] == false);
    REQUIRE(r["error"] == "the content is not loaded yet");
    REQUIRE(J(m.board("pounds"))["ok"] == false);
}

TEST_CASE("answer module: bad content files are reported, not thrown") {
    jup::AnswerModule m;
    json r = J(m.load("[{\"path\": 5}]"));
    REQUIRE(r["ok"] == false);
    REQUIRE(r["errors"][0].get<std::string>().find("/0/path") != std::string::npos);
    r = J(m.load("not json"));
    REQUIRE(r["ok"] == false);
    REQUIRE(r["errors"][0].get<std::string>().find("not valid JSON") != std::string::npos);
}

TEST_CASE("answer module: answers go through apply, and the session text to keep comes back") {
    jup::AnswerModule& m = loaded_module();
    json o = J(m.open("", 1));
    REQUIRE(o["ok"] == true);
    REQUIRE(o["save"].is_string());  // a fresh session is written at once
    json r = J(m.apply(R"({"type":"rate_barrier","barrier":"pounds-b1","rating":2})"));
    REQUIRE(r["ok"] == true);
    jup::State s;
    std::string err;
    REQUIRE(jup::state_from_text(r["save"].get<std::string>(), s, err));
    REQUIRE(s.answers.ratings.at("pounds-b1") == 2);
    // the same state again: nothing new to keep
    REQUIRE(J(m.apply(R"({"type":"set_view","view":"boards"})"))["save"].is_null());
    // a refusal says why and changes nothing
    r = J(m.apply(R"({"type":"rate_barrier","barrier":"pounds-b1","rating":7})"));
    REQUIRE(r["ok"] == false);
    REQUIRE(r["error"].get<std::string>().find("0 (not at all) to 3") != std::string::npos);
    REQUIRE(J(m.apply("{"))["error"].get<std::string>().find("not valid JSON") != std::string::npos);
    REQUIRE(J(m.apply("[1]"))["ok"] == false);
}

TEST_CASE("answer module: the board page carries each control's state and action") {
    jup::AnswerModule& m = loaded_module();
    J(m.open("", 1));
    J(m.apply(R"({"type":"toggle_commitment","commitment":"P4.1"})"));
    json b = J(m.board("pounds"));
    REQUIRE(b["ok"] == true);
    REQUIRE(b["has_answers"] == true);
    bool found_rating = false, found_commitment = false;
    for (auto& e : b["entries"]) {
        if (e["id"] == "pounds-b1") {
            found_rating = e["control"] == "rating" && e["rating"] == -1 && e["rate"].size() == 4 && e["rate"][3]["rating"] == 3;
        }
        if (e["id"] == "P4.1") found_commitment = e["control"] == "signup" && e["on"] == true && e["label"] == "I would sign up to P4.1";
    }
    REQUIRE(found_rating);
    REQUIRE(found_commitment);
    REQUIRE(b["pool"]["options"].size() == 3);
    REQUIRE(b["set_note"]["type"] == "set_note");
    REQUIRE(J(m.board("nowhere"))["ok"] == false);

    // Priorities: the fourth is refused by core, with the reason
    J(m.open("", 1));
    json p = J(m.board("priorities"))["priorities"];
    for (int i = 0; i < 3; ++i) REQUIRE(J(m.apply(p["options"][i]["toggle"].dump()))["ok"] == true);
    p = J(m.board("priorities"))["priorities"];
    REQUIRE(p["options"][3]["enabled"] == false);
    REQUIRE(p["options"][3]["hint"] == "You have chosen three already. Remove one to choose this.");
    json refused = J(m.apply(p["options"][3]["toggle"].dump()));
    REQUIRE(refused["ok"] == false);
    REQUIRE(refused["error"].get<std::string>().find("at most three priorities") != std::string::npos);
    REQUIRE(p["status"].get<std::string>().find("counts once you say what you will de-prioritise") != std::string::npos);
}

TEST_CASE("answer module: the answers file and share link are the app's") {
    jup::AnswerModule& m = loaded_module();
    J(m.open("", 1));
    J(m.apply(R"({"type":"set_note","board":"pounds","text":"Typed in the text edition"})"));
    json f = J(m.export_file("2026-12-02T10:00:00Z"));
    REQUIRE(f["name"].get<std::string>().rfind("joinedup-answers-", 0) == 0);
    jup::ExportFile back;
    std::vector<std::string> problems;
    REQUIRE(jup::export_from_json(json::parse(f["text"].get<std::string>()), back, problems));
    REQUIRE(back.answers.notes.at("pounds") == "Typed in the text edition");
    // the room tally counts it like any other file
    jup::Tally t = jup::tally({{"a.json", f["text"].get<std::string>()}});
    REQUIRE(t.counted == 1);
    REQUIRE(t.notes.at("pounds").size() == 1);

    // import into a fresh session
    J(m.open("", 2));
    json imp = J(m.import_file("a.json", f["text"].get<std::string>()));
    REQUIRE(imp["ok"] == true);
    REQUIRE(imp["notice"] == "Answers from \"a.json\" are now in this browser.");
    REQUIRE(imp["save"].is_string());
    json bad = J(m.import_file("b.json", "{\"format\": \"x\"}"));
    REQUIRE(bad["ok"] == false);
    REQUIRE(bad["notice"].get<std::string>().find("could not be imported") != std::string::npos);

    J(m.apply(R"({"type":"open_board","board":"pounds"})"));
    json sh = J(m.share("http://example.test/"));
    std::string url = sh["url"];
    REQUIRE(url.rfind("http://example.test/#s1.", 0) == 0);
    jup::ShareDecoded d;
    std::string err;
    REQUIRE(jup::decode_share(url.substr(url.find('#') + 1), d, err));
    REQUIRE(d.board == "pounds");
    REQUIRE(d.answers.notes.at("pounds") == "Typed in the text edition");
    // the same link on a browser holding other answers asks first, then opens
    J(m.open("", 3));
    J(m.apply(R"({"type":"toggle_enabler","enabler":"pounds-e1"})"));
    json c = J(m.check_share(url.substr(url.find('#'))));
    REQUIRE(c["error"] == "");
    REQUIRE(c["question"].get<std::string>().find("This link holds") != std::string::npos);
    REQUIRE(J(m.open_share(url.substr(url.find('#')), false))["ok"] == true);
    REQUIRE(J(m.state())["answers"]["notes"]["pounds"] == "Typed in the text edition");
    REQUIRE(J(m.check_share("#s1.broken"))["error"] != "");
}

TEST_CASE("answer module: another tab's write is taken in") {
    jup::AnswerModule& m = loaded_module();
    std::string mine = J(m.open("", 1))["save"];
    jup::State other;
    std::string err;
    REQUIRE(jup::state_from_text(mine, other, err));
    other.answers.ratings["pounds-b1"] = 1;
    other.revision += 1;
    json r = J(m.other_tab(jup::json_text(jup::state_to_json(other))));
    REQUIRE(r["changed"] == true);
    REQUIRE(r["notice"] == jup::kOtherTabNotice);
    REQUIRE(r["save"].is_null());  // never written back over the other tab's copy
    REQUIRE(J(m.state())["answers"]["ratings"]["pounds-b1"] == 1);
    r = J(m.other_tab(""));
    REQUIRE(r["save"].is_string());  // storage was cleared: this tab writes its own copy
}
