#include "core/treemap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace jup {

namespace {

// Worst aspect ratio of a row of areas laid along a side of length `side` (Bruls et al., "worst").
double worst(double sum, double min_a, double max_a, double side) {
    if (sum <= 0 || side <= 0) return INFINITY;
    double s2 = side * side, sum2 = sum * sum;
    return std::max(s2 * max_a / sum2, sum2 / (s2 * min_a));
}

}  // namespace

std::vector<TRect> squarify(const std::vector<double>& values, const TRect& bounds) {
    std::vector<TRect> out(values.size(), TRect{bounds.x, bounds.y, 0, 0});
    if (bounds.w <= 0 || bounds.h <= 0) return out;
    std::vector<size_t> order;
    double total = 0;
    for (size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]) && values[i] > 0) order.push_back(i), total += values[i];
    if (order.empty() || total <= 0) return out;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] > values[b]; });
    const double scale = bounds.area() / total;  // area per unit of value

    TRect free = bounds;
    size_t start = 0;
    while (start < order.size()) {
        const bool horizontal = free.w >= free.h;  // lay the row along the shorter side
        const double side = horizontal ? free.h : free.w;
        // Grow the row while the worst aspect ratio does not get worse.
        size_t end = start;
        double sum = 0, mn = INFINITY, mx = 0, cur = INFINITY;
        while (end < order.size()) {
            double a = values[order[end]] * scale;
            double nsum = sum + a, nmn = std::min(mn, a), nmx = std::max(mx, a);
            double nw = worst(nsum, nmn, nmx, side);
            if (end > start && nw > cur) break;
            sum = nsum, mn = nmn, mx = nmx, cur = nw;
            ++end;
        }
        const bool last = end == order.size();
        // The row's thickness; the last row takes all the remaining space (absorbs rounding).
        double thick = side > 0 ? sum / side : 0;
        if (horizontal) thick = last ? free.w : std::min(thick, free.w);
        else thick = last ? free.h : std::min(thick, free.h);
        double pos = horizontal ? free.y : free.x;
        for (size_t k = start; k < end; ++k) {
            double a = values[order[k]] * scale;
            double len = thick > 0 ? a / thick : 0;
            if (k + 1 == end) len = (horizontal ? free.y + free.h : free.x + free.w) - pos;  // close the row exactly
            TRect& r = out[order[k]];
            if (horizontal) r = TRect{free.x, pos, thick, len};
            else r = TRect{pos, free.y, len, thick};
            pos += len;
        }
        if (horizontal) free = TRect{free.x + thick, free.y, std::max(0.0, free.w - thick), free.h};
        else free = TRect{free.x, free.y + thick, free.w, std::max(0.0, free.h - thick)};
        start = end;
    }
    return out;
}

double worst_aspect(const std::vector<TRect>& rects) {
    double w = 1;
    for (auto& r : rects)
        if (r.w > 0 && r.h > 0) w = std::max(w, std::max(r.w / r.h, r.h / r.w));
    return w;
}

TRect inset(const TRect& r, double l, double t, double rr, double b) {
    TRect o{r.x + l, r.y + t, r.w - l - rr, r.h - t - b};
    if (o.w < 0) o.x = r.x + r.w / 2, o.w = 0;
    if (o.h < 0) o.y = r.y + r.h / 2, o.h = 0;
    return o;
}

}  // namespace jup
