// Squarified treemap: areas proportional to values, no overlaps, everything inside the bounds.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <random>

#include "core/treemap.hpp"

using jup::TRect;

namespace {

void check_layout(const std::vector<double>& values, const TRect& b) {
    auto rects = jup::squarify(values, b);
    REQUIRE(rects.size() == values.size());
    double sum = 0;
    for (double v : values)
        if (v > 0 && std::isfinite(v)) sum += v;
    const double eps = 1e-6 * std::max(1.0, b.area());
    double covered = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        const TRect& r = rects[i];
        if (!(values[i] > 0) || !std::isfinite(values[i])) {
            REQUIRE(r.area() == 0);
            continue;
        }
        INFO("cell " << i << " value " << values[i]);
        // Area proportional to the value.
        REQUIRE(std::fabs(r.area() - b.area() * values[i] / sum) <= eps + 1e-9 * b.area());
        // Inside the bounds.
        REQUIRE(r.w >= 0);
        REQUIRE(r.h >= 0);
        REQUIRE(r.x >= b.x - 1e-9);
        REQUIRE(r.y >= b.y - 1e-9);
        REQUIRE(r.x + r.w <= b.x + b.w + 1e-7);
        REQUIRE(r.y + r.h <= b.y + b.h + 1e-7);
        covered += r.area();
    }
    // Tiles the bounds.
    if (sum > 0) REQUIRE(std::fabs(covered - b.area()) <= 1e-6 * b.area());
    // No overlaps (pairwise intersection area ~ 0).
    for (size_t i = 0; i < rects.size(); ++i)
        for (size_t j = i + 1; j < rects.size(); ++j) {
            const TRect &p = rects[i], &q = rects[j];
            double ox = std::min(p.x + p.w, q.x + q.w) - std::max(p.x, q.x);
            double oy = std::min(p.y + p.h, q.y + q.h) - std::max(p.y, q.y);
            if (ox > 0 && oy > 0) REQUIRE(ox * oy <= 1e-6 * b.area());
        }
}

}  // namespace

TEST_CASE("the paper's example lays out with areas proportional to values", "[treemap]") {
    // Bruls et al. use 6, 6, 4, 3, 2, 2, 1 in a 6 x 4 rectangle.
    std::vector<double> v = {6, 6, 4, 3, 2, 2, 1};
    TRect b{0, 0, 6, 4};
    check_layout(v, b);
    auto r = jup::squarify(v, b);
    // The first row holds the two 6s, stacked along the short side: 3 x 2 each.
    REQUIRE(r[0].w == Approx(3));
    REQUIRE(r[0].h == Approx(2));
    REQUIRE(r[1].w == Approx(3));
    REQUIRE(jup::worst_aspect(r) < 3.0);
}

TEST_CASE("unsorted input keeps its order in the output", "[treemap]") {
    std::vector<double> v = {1, 10, 3};
    auto r = jup::squarify(v, {10, 20, 100, 50});
    REQUIRE(r[1].area() == Approx(5000.0 * 10 / 14));
    REQUIRE(r[0].area() == Approx(5000.0 * 1 / 14));
    check_layout(v, {10, 20, 100, 50});
}

TEST_CASE("zero, negative and non-finite values get empty cells", "[treemap]") {
    std::vector<double> v = {5, 0, -3, NAN, INFINITY, 5};
    check_layout(v, {0, 0, 40, 10});
    auto r = jup::squarify(v, {0, 0, 40, 10});
    REQUIRE(r[0].area() == Approx(200));
    REQUIRE(r[5].area() == Approx(200));
    REQUIRE(jup::squarify({}, {0, 0, 1, 1}).empty());
    auto none = jup::squarify({0, 0}, {0, 0, 10, 10});
    REQUIRE(none[0].area() == 0);
    auto flat = jup::squarify({1, 2}, {0, 0, 0, 10});  // degenerate bounds
    REQUIRE(flat[1].area() == 0);
}

TEST_CASE("random layouts hold the invariants, tall and wide", "[treemap]") {
    std::mt19937 rng(42);
    std::lognormal_distribution<double> size(0, 2);
    for (int trial = 0; trial < 60; ++trial) {
        int n = 1 + trial * 3;
        std::vector<double> v(n);
        for (auto& x : v) x = size(rng);
        TRect b{trial * 1.5, -7.0, 50.0 + trial * 13, 700.0 - trial * 9};
        check_layout(v, b);
    }
}

TEST_CASE("squarified cells stay reasonably square for a budget-like spread", "[treemap]") {
    // The City & Hackney lines (£k): a few large, many small.
    std::vector<double> v = {211345, 120664, 56696, 49538, 35864, 35803, 30088, 24559, 18926, 9539, 6595, 5460, 4422, 4218, 1525, 1400, 1270, 1238};
    TRect b{0, 0, 1200, 600};
    check_layout(v, b);
    auto r = jup::squarify(v, b);
    // Much squarer than slicing (which would give slivers of aspect ~ 1000).
    REQUIRE(jup::worst_aspect(r) < 20);
}

TEST_CASE("3,300 cells lay out inside the bounds", "[treemap]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(1, 1000);
    std::vector<double> v(3300);
    for (auto& x : v) x = u(rng);
    TRect b{0, 0, 1600, 900};
    auto r = jup::squarify(v, b);
    double covered = 0;
    for (auto& c : r) {
        REQUIRE(c.x >= -1e-9);
        REQUIRE(c.y >= -1e-9);
        REQUIRE(c.x + c.w <= 1600 + 1e-6);
        REQUIRE(c.y + c.h <= 900 + 1e-6);
        covered += c.area();
    }
    REQUIRE(covered == Approx(1600.0 * 900));
}

TEST_CASE("inset never gives a negative size", "[treemap]") {
    auto r = jup::inset({0, 0, 10, 10}, 2, 3, 2, 1);
    REQUIRE(r.x == 2);
    REQUIRE(r.y == 3);
    REQUIRE(r.w == 6);
    REQUIRE(r.h == 6);
    auto z = jup::inset({0, 0, 4, 4}, 3, 3, 3, 3);
    REQUIRE(z.w == 0);
    REQUIRE(z.h == 0);
}
