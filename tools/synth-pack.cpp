// synth-pack: writes a SYNTHETIC content pack for tests and benchmarks only. Never bundled.
//
//   synth-pack <out-dir> [--base <content-dir>] [--boroughs N] [--years N] [--lines N] [--seed N]
//
// Writes <out-dir>/money.json with boroughs x years reports, each with an NHS and a council table
// of --lines budget lines in total (default 33 x 1 x 100 = 3,300 lines), every title labelled
// SYNTHETIC, and every figure citing one line of <out-dir>/seeds/synthetic.txt, which says the data
// is made up. With --base, the other files of the pack are copied from that content folder and
// the synthetic document is added to its documents.json, so the result is a complete pack that
// joinedup-check accepts and the app can load in place of the real one. Subtotals add up exactly.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const char* kBoroughs[] = {"City of London", "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing",
                           "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
                           "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
                           "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
                           "Wandsworth", "Westminster"};
const char* kWorkstreams[][2] = {{"unplanned", "Unplanned Care"}, {"planned", "Planned Care"}, {"prevention", "Prevention"},
                                 {"cyp", "Children and Young People"}, {"corporate-reserves", "Corporate and Reserves"}};
const char* kFundTypes[] = {"aligned", "pooled", "aligned", "aligned", "in-collaboration", "pooled", "aligned", "capital"};
const char* kQuote = "SYNTHETIC";

int usage() {
    std::fprintf(stderr, "usage: synth-pack <out-dir> [--base <content-dir>] [--boroughs N (1-33)] [--years N] [--lines N] [--seed N]\n");
    return 2;
}

bool write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f << text;
    return bool(f);
}

json src(int line) { return {{"doc", "syn"}, {"lines", {line, line}}, {"quote", line == 1 ? kQuote : "made up from a random seed"}}; }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    fs::path out = argv[1], base;
    int boroughs = 33, years = 1, lines = 100;
    unsigned seed = 1;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        std::string v = argv[++i];
        if (a == "--base") base = v;
        else if (a == "--boroughs") boroughs = std::atoi(v.c_str());
        else if (a == "--years") years = std::atoi(v.c_str());
        else if (a == "--lines") lines = std::atoi(v.c_str());
        else if (a == "--seed") seed = (unsigned)std::atoi(v.c_str());
        else return usage();
    }
    if (boroughs < 1 || boroughs > 33 || years < 1 || years > 50 || lines < 2 || lines > 100000) return usage();
    if (!base.empty() && fs::equivalent(fs::absolute(base), fs::absolute(out))) {
        std::fprintf(stderr, "synth-pack: refusing to write over the base pack\n");
        return 2;
    }

    // The synthetic document every figure cites.
    std::vector<std::string> doc = {
        "SYNTHETIC content pack written by tools/synth-pack for tests and benchmarks only.",
        "Every figure in it is made up from a random seed. It describes no real place, organisation or budget.",
        "It must never be bundled with the app or shown to participants as real."};
    std::string text;
    for (size_t i = 0; i < doc.size(); ++i) text += (i ? "\n" : "") + doc[i];

    std::mt19937 rng(seed);
    std::lognormal_distribution<double> size(8.5, 1.3);   // £k, median ~£5m
    std::normal_distribution<double> drift(0.0, 0.04);    // forecast variance, share of budget

    json money = {{"organisations", json::array()}, {"workstreams", json::array()}, {"reports", json::array()}, {"series", json::array()},
                  {"figures", json::array()}, {"claims", json::array()}, {"funds", json::array()}, {"costs", json::array()}};
    for (auto& w : kWorkstreams) money["workstreams"].push_back({{"id", w[0]}, {"label", w[1]}, {"aliases", {w[1]}}});
    long total_lines = 0;
    for (int b = 0; b < boroughs; ++b) {
        char bid[16];
        std::snprintf(bid, sizeof bid, "b%02d", b + 1);
        std::string name = kBoroughs[b];
        money["organisations"].push_back({{"id", std::string(bid) + "-nhs"}, {"name", "SYNTHETIC NHS, " + name}, {"source", src(1)}});
        money["organisations"].push_back({{"id", std::string(bid) + "-council"}, {"name", "SYNTHETIC council, " + name}, {"source", src(1)}});
        for (int y = 0; y < years; ++y) {
            int start = 2020 - y;
            char fy[16];
            std::snprintf(fy, sizeof fy, "%d/%02d", start, (start + 1) % 100);
            std::string rid = std::string("syn-") + bid + "-" + std::to_string(start);
            json rep = {{"id", rid}, {"title", "SYNTHETIC local pound, " + name + ", " + fy + " (made-up figures)"},
                        {"period", {{"fy", fy}, {"month", 12}}},
                        {"sign_convention", "variance = budget − spend; a positive variance is an underspend, a negative one an overspend"},
                        {"source", src(1)}, {"tables", json::array()}};
            for (int o = 0; o < 2; ++o) {
                std::string org = std::string(bid) + (o == 0 ? "-nhs" : "-council");
                int n = o == 0 ? (lines + 1) / 2 : lines / 2;
                json t = {{"id", rid + (o == 0 ? "-nhs" : "-council")}, {"org", org},
                          {"title", std::string("SYNTHETIC ") + (o == 0 ? "NHS" : "council") + " budget, " + name + ", " + fy},
                          {"unit", "£k"}, {"tolerance", 1},
                          {"columns", {{{"id", "annual_budget"}, {"label", "Annual budget"}}, {{"id", "ytd_budget"}, {"label", "YTD budget"}},
                                       {{"id", "ytd_spend"}, {"label", "YTD spend"}}, {{"id", "ytd_variance"}, {"label", "YTD variance"}},
                                       {{"id", "forecast_outturn"}, {"label", "Forecast outturn"}}, {{"id", "forecast_variance"}, {"label", "Forecast variance"}}}},
                          {"source", src(1)}, {"rows", json::array()}};
                long sums[6] = {0, 0, 0, 0, 0, 0};
                json ids = json::array();
                for (int k = 0; k < n; ++k) {
                    long annual = std::max(1L, (long)std::llround(size(rng)));
                    long fc = (long)std::llround(annual * (1 - drift(rng)));
                    long ytdb = annual / 2, ytds = (long)std::llround(ytdb * (1 - drift(rng)));
                    long v[6] = {annual, ytdb, ytds, ytdb - ytds, fc, annual - fc};
                    for (int c = 0; c < 6; ++c) sums[c] += v[c];
                    const char* ws = kWorkstreams[(k + b) % 5][0];
                    char lid[96];
                    std::snprintf(lid, sizeof lid, "%s-l%04d", t["id"].get<std::string>().c_str(), k + 1);
                    ids.push_back(lid);
                    t["rows"].push_back({{"id", lid}, {"label", std::string("SYNTHETIC ") + kWorkstreams[(k + b) % 5][1] + " line " + std::to_string(k + 1)},
                                         {"kind", "line"}, {"fund_type", kFundTypes[(k * 7 + o) % 8]}, {"workstream", ws},
                                         {"values", {{"annual_budget", v[0]}, {"ytd_budget", v[1]}, {"ytd_spend", v[2]}, {"ytd_variance", v[3]},
                                                     {"forecast_outturn", v[4]}, {"forecast_variance", v[5]}}},
                                         {"source", src(2)}});
                    ++total_lines;
                }
                t["rows"].push_back({{"id", t["id"].get<std::string>() + "-total"}, {"label", "SYNTHETIC grand total"}, {"kind", "total"}, {"sum_of", ids},
                                     {"values", {{"annual_budget", sums[0]}, {"ytd_budget", sums[1]}, {"ytd_spend", sums[2]}, {"ytd_variance", sums[3]},
                                                 {"forecast_outturn", sums[4]}, {"forecast_variance", sums[5]}}},
                                     {"source", src(2)}});
                rep["tables"].push_back(std::move(t));
            }
            money["reports"].push_back(std::move(rep));
        }
    }

    json synth_doc = {{"id", "syn"}, {"file", "seeds/synthetic.txt"}, {"line_count", (int)doc.size()},
                      {"title", "SYNTHETIC pack (tools/synth-pack): made-up figures for tests and benchmarks"}, {"kind", "report"},
                      {"date", "2021"}, {"date_basis", "stated"}, {"producer", "tools/synth-pack (SYNTHETIC)"},
                      {"summary", "SYNTHETIC: not real data."}, {"source", src(1)}};
    json documents = {{"documents", json::array()}};
    if (!base.empty()) {
        for (auto& e : fs::recursive_directory_iterator(base)) {
            if (!e.is_regular_file()) continue;
            fs::path rel = fs::relative(e.path(), base);
            if (rel == "money.json" || rel == "documents.json") continue;
            fs::create_directories((out / rel).parent_path());
            fs::copy_file(e.path(), out / rel, fs::copy_options::overwrite_existing);
        }
        std::ifstream f(base / "documents.json", std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        documents = json::parse(ss.str(), nullptr, false);
        if (documents.is_discarded() || !documents.contains("documents")) {
            std::fprintf(stderr, "synth-pack: %s/documents.json is not a documents file\n", base.string().c_str());
            return 1;
        }
    }
    documents["documents"].push_back(synth_doc);
    bool ok = write(out / "seeds" / "synthetic.txt", text) && write(out / "money.json", money.dump(1)) &&
              write(out / "documents.json", documents.dump(1));
    if (base.empty()) {
        // A minimal rest of the pack, so the folder stands alone.
        ok = ok && write(out / "boards.json", R"({"boards": []})") && write(out / "case-studies.json", R"({"case_studies": []})") &&
             write(out / "places.json", R"({"icss": [], "places": []})") && write(out / "glossary.json", R"({"terms": []})") &&
             write(out / "timeline.json", R"({"events": []})");
    }
    if (!ok) {
        std::fprintf(stderr, "synth-pack: could not write into %s\n", out.string().c_str());
        return 1;
    }
    std::printf("SYNTHETIC pack: %d boroughs x %d years, %ld budget lines, in %s\n", boroughs, years, total_lines, out.string().c_str());
    return 0;
}
