#include <catch2/catch.hpp>

#include "core/qr.hpp"
#include "core/share.hpp"

static bool finder_at(const jup::QrMatrix& m, int x0, int y0) {
    // A finder pattern: 7x7 dark ring, light ring, 3x3 dark centre.
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.at(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    return true;
}

TEST_CASE("QR codes have a valid size and the three finder patterns", "[qr]") {
    jup::QrMatrix m;
    std::string err;
    REQUIRE(jup::make_qr("http://127.0.0.1:8080/", m, err));
    REQUIRE(m.size >= 21);
    REQUIRE((m.size - 17) % 4 == 0);  // versions 1-40: 21, 25, ..., 177 modules
    REQUIRE(finder_at(m, 0, 0));
    REQUIRE(finder_at(m, m.size - 7, 0));
    REQUIRE(finder_at(m, 0, m.size - 7));
    REQUIRE_FALSE(finder_at(m, m.size - 7, m.size - 7));  // there is no fourth
}

TEST_CASE("a share link fits a QR code; an oversized text is refused", "[qr]") {
    jup::State s;
    for (int i = 0; i < 60; ++i) s.answers.ratings["board-barrier-" + std::to_string(i)] = i % 4;
    std::string url = "http://127.0.0.1:8080/#" + jup::encode_share(s).fragment;
    jup::QrMatrix m, small;
    std::string err;
    REQUIRE(jup::make_qr(url, m, err));
    REQUIRE(jup::make_qr("x", small, err));
    REQUIRE(m.size > small.size);  // more data, a larger version
    REQUIRE_FALSE(jup::make_qr(std::string(4000, 'x'), m, err));
    REQUIRE(err == "too long for a QR code");
}
