#include "core/format.hpp"

#include <cmath>
#include <cstdio>

namespace jup::fmt {

const char* const kMinus = "\xE2\x88\x92";

std::string grouped(long long n) {
    std::string d = std::to_string(n < 0 ? -(unsigned long long)n : (unsigned long long)n), o;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i && (d.size() - i) % 3 == 0) o += ',';
        o += d[i];
    }
    return n < 0 ? kMinus + o : o;
}

// A minus sign only when the shown magnitude is not zero: -0.0001 reads "0", not "−0".
static std::string signed_text(bool negative, const std::string& magnitude) {
    return negative && magnitude.find_first_of("123456789") != std::string::npos ? kMinus + magnitude : magnitude;
}

// A magnitude (no sign) written with its unit: £490,904k, 45%, 321 days.
static std::string with_unit(const std::string& n, const std::string& unit) {
    if (unit == "£") return "£" + n;
    if (unit == "£k") return "£" + n + "k";
    if (unit == "£m") return "£" + n + "m";
    if (unit == "£bn") return "£" + n + "bn";
    if (unit == "%") return n + "%";
    if (unit == "percentage-points") return n + " percentage points";
    if (unit == "count" || unit.empty()) return n;
    if (unit == "index") return n + " (index)";
    return n + " " + unit;
}

std::string number(double v) {
    double a = std::fabs(v);
    if (!std::isfinite(a) || a >= 9e18) return "?";
    double r = std::round(a);
    if (std::fabs(a - r) < 1e-9) return signed_text(v < 0, grouped((long long)r));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", a);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    size_t dot = s.find('.');
    long long whole = std::stoll(s.substr(0, dot));
    return signed_text(v < 0, grouped(whole) + (dot == std::string::npos ? "" : s.substr(dot)));
}

std::string amount(double v, const std::string& unit) { return signed_text(v < 0, with_unit(number(std::fabs(v)), unit)); }

std::string money_rounded(double pounds) {
    double a = std::fabs(pounds);
    char buf[64];
    if (!std::isfinite(a)) return "?";
    if (a >= 1e9) std::snprintf(buf, sizeof buf, "£%.1fbn", a / 1e9);
    else if (a >= 1e6) std::snprintf(buf, sizeof buf, "£%.1fm", a / 1e6);
    else if (a >= 1e4) std::snprintf(buf, sizeof buf, "£%.0fk", a / 1e3);
    else return signed_text(pounds < 0, "£" + grouped(std::llround(a)));
    return signed_text(pounds < 0, buf);
}

std::string money_short(double v, const std::string& unit) {
    double pounds = to_pounds(v, unit);
    if (unit == "£" && std::fabs(pounds) < 1e6) return signed_text(pounds < 0, "£" + grouped(std::llround(std::fabs(pounds))));
    return money_rounded(pounds);
}

std::string compact(double v, const std::string& unit) {
    double a = std::fabs(v);
    if (a < 1e6) return amount(v, unit);
    char b[48];
    std::snprintf(b, sizeof b, "%.3g million", a / 1e6);
    return signed_text(v < 0, with_unit(b, unit));
}

std::string percent(double fraction, int decimals) {
    char b[32];
    std::snprintf(b, sizeof b, "%.*f", decimals, std::fabs(fraction) * 100);
    return signed_text(fraction < 0, std::string(b) + "%");
}

std::string unit_words(const std::string& unit) {
    if (unit == "£") return "pounds (£)";
    if (unit == "£k") return "thousands of pounds (£k)";
    if (unit == "£m") return "millions of pounds (£m)";
    if (unit == "£bn") return "billions of pounds (£bn)";
    return unit;
}

std::string count(long long n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace jup::fmt

namespace jup {
double to_pounds(double v, const std::string& unit) {
    if (unit == "£k") return v * 1e3;
    if (unit == "£m") return v * 1e6;
    if (unit == "£bn") return v * 1e9;
    return v;
}
}  // namespace jup
