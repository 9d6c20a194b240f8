#include <catch2/catch.hpp>

#include "core/share.hpp"
#include "pack.hpp"

TEST_CASE("base64url and crc32 are the standard ones", "[share]") {
    REQUIRE(jup::base64url_encode("") == "");
    REQUIRE(jup::base64url_encode("f") == "Zg");
    REQUIRE(jup::base64url_encode("fo") == "Zm8");
    REQUIRE(jup::base64url_encode("foo") == "Zm9v");
    REQUIRE(jup::base64url_encode("\xfb\xff") == "-_8");
    std::string back;
    REQUIRE(jup::base64url_decode("Zm9vYg", back));
    REQUIRE(back == "foob");
    REQUIRE_FALSE(jup::base64url_decode("Zm9v!", back));
    REQUIRE(jup::crc32("123456789") == 0xCBF43926u);  // the CRC-32 check value
}

TEST_CASE("a share link round-trips the view and the choices", "[share]") {
    jup::State s;
    s.view = jup::View::Boards;
    s.board = "pounds";
    s.answers.ratings = {{"pounds-b1", 3}, {"pounds-b2", 0}};
    s.answers.enablers = {"pounds-e1"};
    s.answers.priorities = {"pr-a"};
    s.answers.deprioritised = "pilots";
    s.answers.pool_choice = "pool-all";
    s.answers.notes["pounds"] = "ünïcode ✓";
    auto e = jup::encode_share(s);
    REQUIRE_FALSE(e.dropped_text);
    REQUIRE(e.fragment.rfind("s1.", 0) == 0);
    for (char ch : e.fragment) REQUIRE((std::isalnum((unsigned char)ch) || ch == '-' || ch == '_' || ch == '.'));  // URL-safe
    jup::ShareDecoded d;
    std::string err;
    REQUIRE(jup::decode_share("#" + e.fragment, d, err));
    REQUIRE(d.board == "pounds");
    REQUIRE(d.has_answers);
    REQUIRE(jup::answers_to_json(d.answers) == jup::answers_to_json(s.answers));
}

TEST_CASE("long notes are left out so the link stays scannable", "[share]") {
    jup::State s;
    s.answers.ratings = {{"b1", 2}};
    s.answers.notes["pounds"] = std::string(5000, 'x');
    auto e = jup::encode_share(s);
    REQUIRE(e.dropped_text);
    REQUIRE(e.fragment.size() <= jup::kShareQrLimit);
    jup::ShareDecoded d;
    std::string err;
    REQUIRE(jup::decode_share(e.fragment, d, err));
    REQUIRE(d.answers.ratings.at("b1") == 2);
    REQUIRE(d.answers.notes.empty());
}

TEST_CASE("tampered, truncated, foreign and oversized fragments are refused", "[share]") {
    jup::State s;
    s.answers.ratings = {{"b1", 2}};
    std::string good = jup::encode_share(s).fragment;
    jup::ShareDecoded d;
    std::string err;
    std::string tampered = good;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    REQUIRE_FALSE(jup::decode_share(tampered, d, err));
    REQUIRE(err.find("checksum") != std::string::npos);
    REQUIRE_FALSE(jup::decode_share(good.substr(0, good.size() - 6), d, err));
    REQUIRE_FALSE(jup::decode_share("s1.zz", d, err));
    REQUIRE_FALSE(jup::decode_share("view=map", d, err));
    REQUIRE(err == "This is not a Joined-Up share link.");
    REQUIRE_FALSE(jup::decode_share("s1.00000000." + std::string(5000, 'A'), d, err));
    REQUIRE(err.find("too long") != std::string::npos);
    // A valid checksum over nonsense is still refused
    std::string payload = "{\"v\": 1, \"a\": {\"ratings\": {\"b1\": 99}}}";
    char sum[9];
    std::snprintf(sum, sizeof sum, "%08x", jup::crc32(payload));
    REQUIRE(jup::decode_share(std::string("s1.") + sum + "." + jup::base64url_encode(payload), d, err));
    REQUIRE(d.answers.ratings.empty());
    REQUIRE(d.warnings.size() == 1);
}

namespace {

// A link whose payload is `payload` (the checksum right), as encode_share would wrap it.
std::string link_of(const std::string& payload) {
    char sum[9];
    std::snprintf(sum, sizeof sum, "%08x", jup::crc32(payload));
    return std::string("#s1.") + sum + "." + jup::base64url_encode(payload);
}

jup::ApplyResult open(jup::State& s, const std::string& fragment, const jup::Content& c, bool keep = false) {
    return jup::apply(s, {"open_share", {{"type", "open_share"}, {"fragment", fragment}, {"keep_answers", keep}}}, c);
}

}  // namespace

TEST_CASE("opening a share link sets the view, the board, the case study, the answers and the revision", "[share]") {
    auto pack = testpack::Pack().load();
    jup::State sender;
    sender.view = jup::View::Map;
    sender.board = "pounds";
    sender.case_study = "cs1";
    sender.answers.ratings = {{"pounds-b1", 3}};
    sender.answers.pool_choice = "pool-all";
    std::string link = "#" + jup::encode_share(sender).fragment;

    jup::State s;
    s.revision = 5;
    REQUIRE(jup::check_share(s, link).error.empty());
    REQUIRE(jup::check_share(s, link).question.empty());  // nothing of mine to replace: no question
    jup::ApplyResult r = open(s, link, pack.content);
    REQUIRE(r.ok);
    REQUIRE(r.warnings.empty());
    REQUIRE(s.view == jup::View::Map);
    REQUIRE(s.board == "pounds");
    REQUIRE(s.case_study == "cs1");
    REQUIRE(jup::answers_to_json(s.answers) == jup::answers_to_json(sender.answers));
    REQUIRE(s.revision == 6);
}

TEST_CASE("a share link's unknown board and case study are ignored; unreadable parts are warnings", "[share]") {
    auto pack = testpack::Pack().load();
    jup::State s;
    s.board = "pounds";
    s.case_study = "cs1";
    std::string link = link_of(R"({"v": 1, "view": "moon", "board": "nowhere", "cs": "ghost", "a": {"ratings": {"pounds-b1": 2, "pounds-b2": "high"}}})");
    jup::ApplyResult r = open(s, link, pack.content);
    REQUIRE(r.ok);
    REQUIRE(s.board == "pounds");
    REQUIRE(s.case_study == "cs1");
    REQUIRE(s.view == jup::View::Boards);
    REQUIRE(s.answers.ratings == std::map<std::string, int>{{"pounds-b1", 2}});
    REQUIRE(r.warnings.size() == 2);
    REQUIRE(r.warnings[0].rfind("/view", 0) == 0);
    REQUIRE(r.warnings[1].rfind("/a/ratings/pounds-b2", 0) == 0);
}

TEST_CASE("a share link over different answers asks first; declining keeps them but still goes to the view", "[share]") {
    auto pack = testpack::Pack().load();
    jup::State sender;
    sender.view = jup::View::Pound;
    sender.answers.ratings = {{"pounds-b1", 3}, {"pounds-b2", 1}};
    sender.answers.commitments = {"P4.1"};
    std::string link = jup::encode_share(sender).fragment;

    jup::State s;
    s.answers.ratings = {{"pounds-b1", 0}};
    s.revision = 2;
    jup::ShareCheck check = jup::check_share(s, link);
    REQUIRE(check.error.empty());
    REQUIRE(check.question == "This link holds someone's choices (2 barrier ratings, 1 commitments).");
    jup::Answers mine = s.answers;
    REQUIRE(open(s, link, pack.content, /*keep=*/true).ok);
    REQUIRE(s.view == jup::View::Pound);
    REQUIRE(jup::answers_to_json(s.answers) == jup::answers_to_json(mine));
    REQUIRE(s.revision == 2);
    // the same answers as mine: nothing to ask
    s.answers = sender.answers;
    REQUIRE(jup::check_share(s, link).question.empty());
}

TEST_CASE("a damaged share link is refused and changes nothing", "[share]") {
    auto pack = testpack::Pack().load();
    jup::State s;
    s.answers.ratings = {{"pounds-b1", 1}};
    nlohmann::json before = jup::state_to_json(s);
    for (std::string bad : {std::string("#view=map"), link_of("{\"v\": 1}").substr(0, 20), std::string("")}) {
        INFO(bad);
        jup::ApplyResult r = open(s, bad, pack.content);
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.error.find("Nothing was changed.") != std::string::npos);
        REQUIRE(jup::check_share(s, bad).error == r.error);
        REQUIRE(jup::state_to_json(s) == before);
    }
}
