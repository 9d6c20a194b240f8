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
