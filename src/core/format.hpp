// Numbers and money as people read them, for the canvas views, the text edition and core's own
// notes alike. One formatter, so the two editions cannot print the same figure two ways.
//
//   grouped(102000)              "102,000"
//   number(-1234.5)              "−1,234.5"   (up to 3 decimals; a real minus sign, U+2212)
//   amount(490904, "£k")         "£490,904k"  (as the source prints it: every digit kept)
//   amount(321, "days")          "321 days"
//   money_rounded(6.74e6)        "£6.7m"      (pounds, rounded for prose and labels: £bn, £m, £k from £10,000)
//   money_short(102000, "£")     "£102,000"   (a value in its unit; whole-pound figures stay exact below £1m)
//   money_short(3813, "£k")      "£3.8m"
//   compact(3.21e6, "count")     "3.21 million" (a figure in a sentence: 3 significant digits from a million)
//   percent(0.4512)              "45.1%"
//   unit_words("£k")             "thousands of pounds (£k)"
#pragma once
#include <string>

namespace jup::fmt {

extern const char* const kMinus;  // U+2212 MINUS SIGN, in UTF-8

std::string grouped(long long n);
std::string number(double v);
std::string amount(double v, const std::string& unit);
std::string money_rounded(double pounds);
std::string money_short(double v, const std::string& unit);
std::string compact(double v, const std::string& unit);
std::string percent(double fraction, int decimals = 1);
std::string unit_words(const std::string& unit);
std::string count(long long n, const char* one, const char* many);  // "1 file", "3 files"
}  // namespace jup::fmt

namespace jup {
double to_pounds(double v, const std::string& unit);  // 3 "£k" -> 3000; other units unchanged
}
