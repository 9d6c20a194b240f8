// Squarified treemap layout (Bruls, Huizing and van Wijk, "Squarified Treemaps", 2000).
// Rectangles whose areas are proportional to the values, filling the bounds, laid out in rows
// along the shorter side so that cells stay close to square. Plain C++17; the views draw it.
#pragma once
#include <vector>

namespace jup {

struct TRect {
    double x = 0, y = 0, w = 0, h = 0;
    double area() const { return w * h; }
    bool contains(double px, double py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

// One rectangle per value, in the order of `values`. Values <= 0 (or not finite) get an empty
// rectangle at the bounds' origin. The non-empty rectangles tile `bounds` exactly (up to
// floating-point rounding) and do not overlap; each one's area is bounds.area() * value / sum.
std::vector<TRect> squarify(const std::vector<double>& values, const TRect& bounds);

// The worst aspect ratio (long side / short side, >= 1) among non-empty rectangles.
double worst_aspect(const std::vector<TRect>& rects);

// `r` shrunk by `left/top/right/bottom`, never below zero size.
TRect inset(const TRect& r, double left, double top, double right, double bottom);

}  // namespace jup
