// Sources & About, prepared by core/present/about.* for the canvas and the text edition.
#include <catch2/catch.hpp>

#include "core/present/about.hpp"

using namespace jup;

static bool load_bundled_geo(geo::Geo& g) {
    DirReader reader(JOINEDUP_DATA_DIR);
    std::string text, error;
    return reader.read("geo/london.json", text) && geo::load_geo(text, g, error);
}

TEST_CASE("the boundaries' credit is the boundary file's own source, licence and attribution") {
    geo::Geo g;
    REQUIRE(load_bundled_geo(g));
    auto cr = present::credits(&g);
    REQUIRE(!cr.empty());
    CHECK(cr[0].what == "London boundaries");
    CHECK(cr[0].text.find("33 local authority areas") != std::string::npos);
    CHECK(cr[0].text.find("Office for National Statistics") != std::string::npos);
    CHECK(cr[0].licence == "Open Government Licence v3.0");
    CHECK(cr[0].licence_url == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
    CHECK(cr[0].notices == g.attribution);
    CHECK(cr[0].notices.size() == 2);
}

TEST_CASE("without boundaries there is no boundary credit, and nothing is guessed") {
    auto cr = present::credits(nullptr);
    for (auto& c : cr) CHECK(c.what != "London boundaries");
    geo::Geo odd;
    odd.source = "Somewhere";
    odd.licence = "A licence with no link";
    auto one = present::credits(&odd);
    REQUIRE(one[0].what == "London boundaries");
    CHECK(one[0].licence == "A licence with no link");
    CHECK(one[0].licence_url.empty());
}

TEST_CASE("the about text counts the pack's documents and a document's date says when it is inferred") {
    Content c;
    c.documents.resize(1);
    CHECK(present::about_text(c).find("with its source document readable") != std::string::npos);
    c.documents.resize(5);
    CHECK(present::about_text(c).find("with its 5 source documents readable") != std::string::npos);
    Document d;
    d.date = "2021-06";
    CHECK(present::document_date(d) == "2021-06");
    d.date_basis = "inferred";
    CHECK(present::document_date(d) == "2021-06, inferred");
}
