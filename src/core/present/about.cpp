#include "core/present/about.hpp"

namespace jup::present {

namespace {
// "Name (https://...)" as the boundary file writes its licence: the name and the link apart.
void split_licence(const std::string& s, std::string& name, std::string& url) {
    size_t open = s.rfind(" (http");
    if (open != std::string::npos && s.back() == ')') {
        name = s.substr(0, open);
        url = s.substr(open + 2, s.size() - open - 3);
    } else {
        name = s;
        url.clear();
    }
}
}  // namespace

std::vector<Credit> credits(const geo::Geo* geo) {
    std::vector<Credit> out;
    if (geo && !geo->source.empty()) {
        Credit b;
        b.what = "London boundaries";
        b.text = "The map's boundaries of London's " + std::to_string(geo->areas.size()) + " local authority areas: " + geo->source + ".";
        split_licence(geo->licence, b.licence, b.licence_url);
        b.notices = geo->attribution;
        out.push_back(std::move(b));
    }
    out.push_back({"Typeface", "Inter, by Rasmus Andersson, from Debian's fonts-inter package, embedded in the app.",
                   "SIL Open Font License 1.1", "https://openfontlicense.org/", {}});
    out.push_back({"Software", "Built with Dear ImGui, SDL2, nlohmann/json and libqrencode, from Debian's source packages.",
                   "MIT (Dear ImGui, nlohmann/json), zlib (SDL2) and LGPL 2.1 or later (libqrencode)", "", {}});
    return out;
}

std::string about_text(const Content& c) {
    size_t n = c.documents.size();
    std::string docs = n == 1 ? "its source document" : "its " + std::to_string(n) + " source documents";
    return "Joined-Up puts London's 2021 \"Why can't we?\" report on joining up health and care in your hands, with " + docs +
           " readable in full. Everything runs in this browser: nothing you enter leaves your device unless you "
           "export it. Every item shows its source (document and line) and quotes it word for word. Figures that are derived, "
           "inferred or contradicted in the source carry a mark that explains why.";
}

std::string document_date(const Document& d) { return d.date_basis == "inferred" ? d.date + ", inferred" : d.date; }

}  // namespace jup::present
