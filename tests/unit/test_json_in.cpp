// Untrusted JSON: parsing without exceptions, duplicate keys, checked reads, and the inputs
// that once crashed the tally and the saved-session loader.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/answers.hpp"
#include "core/geo.hpp"
#include "core/json_in.hpp"
#include "core/share.hpp"
#include "core/state.hpp"
#include "pack.hpp"

using json = nlohmann::json;

namespace {
bool any_contains(const std::vector<std::string>& v, const std::string& text) {
    for (auto& s : v)
        if (s.find(text) != std::string::npos) return true;
    return false;
}
std::string read_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("parse_json reports a key given twice with its pointer and keeps the last value", "[json]") {
    json j;
    std::string err;
    std::vector<std::string> dups;
    REQUIRE(jup::parse_json(R"({"a": [{"x": 1}, {"x": 1, "y/z": 2, "y/z": 3}], "b": 1, "b": 2})", j, err, &dups));
    REQUIRE(dups.size() == 2);
    REQUIRE(dups[0].rfind("/a/1: the key \"y/z\" appears twice", 0) == 0);
    REQUIRE(dups[1].rfind("/: the key \"b\" appears twice", 0) == 0);
    REQUIRE(j["a"][1]["y/z"] == 3);
    REQUIRE(j["b"] == 2);
}

TEST_CASE("parse_json refuses bad JSON with a position, never by throwing", "[json]") {
    json j;
    std::string err;
    REQUIRE_FALSE(jup::parse_json("{\n  \"a\": tru\n}", j, err));
    REQUIRE(err.rfind("invalid JSON at line 2, column ", 0) == 0);
    REQUIRE_FALSE(jup::parse_json("[1e400]", j, err));
    REQUIRE(err.find("out of range") != std::string::npos);
    REQUIRE_FALSE(jup::parse_json(std::string(100, '[') + std::string(100, ']'), j, err));
    REQUIRE(err == "JSON nested more than 64 levels deep");
    REQUIRE(jup::parse_json(std::string(64, '[') + std::string(64, ']'), j, err));
    REQUIRE_FALSE(jup::parse_json("{} trailing", j, err));
    REQUIRE_FALSE(jup::parse_json("", j, err));
    REQUIRE_FALSE(jup::parse_json("\"\xff\"", j, err));  // invalid UTF-8
}

TEST_CASE("JsonIn reads members by type and names the pointer of anything wrong", "[json]") {
    json j = json::parse(R"({"n": 5, "s": "x", "big": 99999999999, "list": [1, "two"], "o": {"k~/": true}})");
    std::vector<std::string> problems;
    jup::JsonIn in(j, "/file", problems);
    std::string s;
    REQUIRE_FALSE(in.text("n", s));
    REQUIRE(problems.back() == "/file/n: expected text, got a number");
    int i = 0;
    REQUIRE_FALSE(in.integer("big", i, 0, 1000));
    REQUIRE(problems.back() == "/file/big: expected a whole number from 0 to 1000");
    REQUIRE(in.integer("n", i, 0, 10));
    REQUIRE(i == 5);
    REQUIRE_FALSE(in.text("absent", s));
    size_t before = problems.size();
    REQUIRE_FALSE(in.text("absent", s, 10, true));
    REQUIRE(problems.size() == before + 1);
    REQUIRE(problems.back() == "/file/absent: missing");
    auto list = in.array("list");
    REQUIRE(list);
    REQUIRE_FALSE(list->at(1).as_int(i, 0, 9));
    REQUIRE(problems.back() == "/file/list/1: expected a whole number, got text");
    REQUIRE_FALSE(list->at(7).as_text(s));  // past the end reads as null
    REQUIRE_FALSE(in.object("s"));
    REQUIRE(problems.back() == "/file/s: expected an object, got text");
    bool b = false;
    in.object("o")->each_member([&](const std::string&, const jup::JsonIn& v) {
        REQUIRE(v.pointer() == "/file/o/k~0~1");
        REQUIRE(v.as_bool(b));
    });
    REQUIRE(b);
    REQUIRE_FALSE(in.text("s", s, 0));  // longer than allowed
}

// The reproducer from the reliability issue: one damaged file used to throw out of tally()
// and stop the page; now it is skipped by name and the other files still count.
TEST_CASE("a tally file whose fields have the wrong types is skipped by name; the rest count", "[tally][json]") {
    std::string good = json{{"format", "joinedup-answers"}, {"version", 1}, {"participant", "p-a"}, {"revision", 1},
                            {"answers", {{"ratings", {{"b1", 2}}}}}}.dump();
    jup::Tally t;
    REQUIRE_NOTHROW(t = jup::tally({{"good.json", good},
                                    {"damaged.json", R"({"format":5,"revision":"x"})"},
                                    {"fuzz.json", R"({"format":5,"revision":"x","answers":{"ratings":[1,2],"notes":{"b":7}}})"},
                                    {"types.json", R"({"format":"joinedup-answers","version":1,"participant":"p-b","revision":"x",
                                                      "answers":{"ratings":[1,2],"notes":{"b":7},"enablers":"e","pool_exceptions":[3]}})"}}));
    REQUIRE(t.counted == 2);
    REQUIRE(t.skipped.size() == 2);
    REQUIRE(t.skipped[0] == "damaged.json: /format: expected text, got a number; not a Joined-Up answers file");
    REQUIRE(any_contains(t.warnings, "types.json: /revision: expected a whole number, got text; taken as 0"));
    REQUIRE(any_contains(t.warnings, "types.json: /answers/ratings: expected an object, got a list"));
    REQUIRE(any_contains(t.warnings, "types.json: /answers/notes/b: expected text, got a number"));
    REQUIRE(any_contains(t.warnings, "types.json: /answers/enablers: expected a list, got text"));
    REQUIRE(any_contains(t.warnings, "types.json: /answers/pool_exceptions/0: expected text, got a number"));
}

TEST_CASE("every saved crash input of the fuzzers is read without an exception", "[json][fuzz]") {
    namespace fs = std::filesystem;
    fs::path root = fs::path(JOINEDUP_FIXTURES_DIR) / ".." / "fuzz" / "regressions";
    int n = 0;
    for (const char* target : {"tally", "session", "share"}) {
        if (!fs::is_directory(root / target)) continue;
        for (auto& e : fs::directory_iterator(root / target)) {
            std::string text = read_file(e.path());
            INFO(e.path().string());
            jup::State s;
            std::string err;
            jup::ShareDecoded d;
            REQUIRE_NOTHROW(jup::tally({{"f.json", text}}));
            REQUIRE_NOTHROW(jup::state_from_text(text, s, err));
            REQUIRE_NOTHROW(jup::decode_share(text, d, err));
            ++n;
        }
    }
    REQUIRE(n >= 1);
}

TEST_CASE("a saved session with wrongly typed parts keeps the rest and lists what it skipped", "[state][json]") {
    jup::State s;
    std::string err;
    REQUIRE(jup::state_from_text(R"({"format":"joinedup-session","version":2,"participant":"p-1","revision":4,
        "map":{"layout":5,"era":7},"pound":{"tab":3,"whatif":{"r1":{"choice":5},"r2":{"choice":"pooled","note":9}}},
        "answers":{"ratings":{"b":2}}})", s, err));
    REQUIRE(s.participant == "p-1");
    REQUIRE(s.answers.ratings.at("b") == 2);
    REQUIRE(err.find("/map/layout: expected text, got a number") != std::string::npos);
    REQUIRE(err.find("/pound/tab: expected text, got a number") != std::string::npos);
    REQUIRE(err.find("/pound/whatif/r1: a choice is pooled, aligned or exception") != std::string::npos);
    REQUIRE(s.pound.whatif.count("r2") == 1);
}

TEST_CASE("a key given twice in a saved session or an answers file is reported, not taken silently", "[state][json]") {
    jup::State s;
    std::string err;
    REQUIRE(jup::state_from_text(R"({"format":"joinedup-session","version":2,"answers":{"ratings":{"b":1,"b":3}}})", s, err));
    REQUIRE(err.find("/answers/ratings: the key \"b\" appears twice") != std::string::npos);
    REQUIRE_FALSE(jup::state_from_text("{\"format\":", s, err));
    REQUIRE(err.rfind("invalid JSON at line 1", 0) == 0);

    jup::State t;
    std::string file = R"({"format":"joinedup-answers","version":1,"participant":"p","participant":"q","revision":2,"answers":{}})";
    auto r = testpack::run(t, {{"type", "import_answers"}, {"file", file}});
    REQUIRE(r.ok);
    REQUIRE(t.participant == "q");
    REQUIRE(any_contains(r.warnings, "/: the key \"participant\" appears twice"));

    jup::Tally tally = jup::tally({{"a.json", file}});
    REQUIRE(tally.counted == 1);
    REQUIRE(any_contains(tally.warnings, "a.json: /: the key \"participant\" appears twice"));
}

TEST_CASE("a key given twice in a content pack is a warning with its file and pointer", "[content][json]") {
    testpack::Pack p;
    jup::MemReader r = p.reader();
    std::string g = r.files["glossary.json"];
    g.insert(g.find("\"term\":"), "\"term\":\"CCG\",");  // the same key twice in terms/0
    r.files["glossary.json"] = g;
    auto res = jup::load_content(r);
    REQUIRE(res.errors() == 0);
    REQUIRE(testpack::has_issue(res, "glossary.json", "/terms/0", "the key \"term\" appears twice"));
    REQUIRE(res.warnings() >= 1);
}

TEST_CASE("references that loop are reported by the validator", "[content]") {
    SECTION("a place whose parent is itself") {
        testpack::Pack p;
        p.places["places"][0]["parent"] = "E09000012";
        auto r = p.load();
        REQUIRE(testpack::has_issue(r, "places.json", "/places/0/parent", "a place cannot be inside itself: E09000012 -> E09000012"));
    }
    SECTION("two places inside each other") {
        testpack::Pack p;
        p.places["places"].push_back({{"id", "n1"}, {"name", "N"}, {"kind", "neighbourhood"}, {"parent", "E09000012"},
                                      {"source", testpack::src(1, 1, "A report")}});
        p.places["places"][0]["parent"] = "n1";
        auto r = p.load();
        REQUIRE(testpack::has_issue(r, "places.json", "/places/0/parent", "E09000012 -> n1 -> E09000012"));
        REQUIRE(r.errors() >= 1);
    }
    SECTION("totals that are parts of each other") {
        testpack::Pack p;
        auto& rows = p.money["reports"][0]["tables"][0]["rows"];
        rows.push_back({{"id", "t1-sub"}, {"label", "Sub"}, {"kind", "subtotal"}, {"sum_of", {"t1-total"}}, {"values", {{"annual", 10}}},
                        {"source", testpack::src(5, 5, "Total")}});
        rows[2]["sum_of"].push_back("t1-sub");
        auto r = p.load();
        REQUIRE(testpack::has_issue(r, "money.json", "/reports/0/tables/0/rows/2/sum_of", "a row cannot be a part of itself: t1-total -> t1-sub -> t1-total"));
    }
    SECTION("the bundled pack has no loops") {
        auto r = jup::load_content(jup::DirReader(JOINEDUP_DATA_DIR));
        for (auto& i : r.issues) REQUIRE(i.message.find("cannot be") == std::string::npos);
    }
}

// fuzz_apply (regressions/apply/kept-tally-invalid-utf8-name): a file picked from a phone can
// have any bytes in its name; the kept list must still be written and read back.
TEST_CASE("tally files whose names are not UTF-8 are kept, with the bad bytes replaced", "[tally][json]") {
    std::vector<jup::TallyInput> files{{"caf\xe9.json", "{}"}, {"ok.json", "text \xff"}};
    std::string kept = jup::json_text(jup::tally_files_to_json(files));
    std::vector<jup::TallyInput> back;
    std::vector<std::string> problems;
    REQUIRE(jup::tally_files_from_text(kept, back, problems));
    REQUIRE(back.size() == 2);
    CHECK(back[0].name == "caf\xef\xbf\xbd.json");  // U+FFFD where the byte was
    CHECK(back[1].text == "text \xef\xbf\xbd");
}

TEST_CASE("the room tally's files are kept and read back; a damaged entry is skipped", "[tally][json]") {
    std::vector<jup::TallyInput> files{{"a.json", "{\"x\": 1}"}, {"b (copy).json", "not json at all \xe2\x80\x94 kept as it was"}};
    std::vector<jup::TallyInput> back;
    std::vector<std::string> problems;
    REQUIRE(jup::tally_files_from_text(jup::tally_files_to_json(files).dump(), back, problems));
    REQUIRE(problems.empty());
    REQUIRE(back.size() == 2);
    REQUIRE(back[1].name == "b (copy).json");
    REQUIRE(back[1].text == files[1].text);

    REQUIRE(jup::tally_files_from_text(R"({"format":"joinedup-tally-files","version":1,"files":[{"name":"a","text":"t"},{"name":3},7]})", back, problems));
    REQUIRE(back.size() == 1);
    REQUIRE(any_contains(problems, "/files/1/name: expected text, got a number"));
    REQUIRE(any_contains(problems, "/files/2: expected an object, got a number"));
    REQUIRE_FALSE(jup::tally_files_from_text("[]", back, problems));
    REQUIRE_FALSE(jup::tally_files_from_text("{", back, problems));

    jup::State s;
    REQUIRE(testpack::run(s, {{"type", "tally_restore"}, {"text", jup::tally_files_to_json(files).dump()}}).ok);
    REQUIRE(s.tally_files.size() == 2);
    REQUIRE(s.view == jup::View::Boards);  // restoring does not move the facilitator
    REQUIRE_FALSE(testpack::run(s, {{"type", "tally_restore"}, {"text", "[1]"}}).ok);
    REQUIRE(s.tally_files.size() == 2);  // a damaged copy changes nothing
}

// Found by fuzz_apply (tests/fuzz/regressions/apply): an imported revision near INT32_MAX
// overflowed on the next change and did not survive a reload; show_source took any line.
TEST_CASE("revisions stop at kMaxRevision and survive a reload; a line number is checked", "[state][fuzz]") {
    jup::State s;
    std::string file = R"({"format":"joinedup-answers","version":1,"participant":"p","revision":2147483646,"answers":{}})";
    auto r = testpack::run(s, {{"type", "import_answers"}, {"file", file}});
    REQUIRE(r.ok);
    REQUIRE(s.revision == 0 + 1);  // 2147483646 is out of range for a revision: taken as 0, then bumped
    REQUIRE(any_contains(r.warnings, "/revision: expected a whole number from 0 to 1999999999; taken as 0"));
    file = R"({"format":"joinedup-answers","version":1,"participant":"p","revision":1999999999,"answers":{}})";
    REQUIRE(testpack::run(s, {{"type", "import_answers"}, {"file", file}}).ok);
    REQUIRE(s.revision == jup::kMaxRevision);
    REQUIRE(testpack::run(s, {{"type", "set_note"}, {"board", "pounds"}, {"text", "still counted"}}).ok);
    REQUIRE(s.revision == jup::kMaxRevision);
    jup::State back;
    std::string err;
    REQUIRE(jup::state_from_text(jup::state_to_json(s).dump(), back, err));
    REQUIRE(err.empty());
    REQUIRE(back.revision == s.revision);

    for (json line : {json(1e20), json(-2), json(1000000), json("twelve")})
        REQUIRE_FALSE(testpack::run(s, {{"type", "show_source"}, {"doc", "000"}, {"line", line}}).ok);
    REQUIRE(testpack::run(s, {{"type", "show_source"}, {"doc", "000"}, {"line", 616}}).ok);
    REQUIRE(s.doc_line == 616);
}

TEST_CASE("boundary files with an out-of-range number or a wrongly typed field are refused, not thrown", "[geo][json]") {
    jup::geo::Geo g;
    std::vector<jup::geo::Area> areas;
    std::string err;
    REQUIRE_NOTHROW(jup::geo::load_geo(R"({"areas": [1e400]})", g, err));
    REQUIRE(err.find("out of range") != std::string::npos);
    REQUIRE_FALSE(jup::geo::read_geojson(R"({"type": 5, "features": []})", areas, err));
    REQUIRE(err.rfind("/", 0) == 0);
    REQUIRE_FALSE(jup::geo::read_geojson(R"({"type": "FeatureCollection", "features": [{"properties": {"code": "E1"}, "geometry": {"type": 7}}]})", areas, err));
}
