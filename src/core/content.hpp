// The content pack: documents, boards, case studies, places, money, glossary, timeline.
// Loaded from a folder of JSON files (docs/data-format.md) and validated in one pass that
// collects every problem with its file and JSON pointer.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jup {

struct Issue {
    std::string file;     // e.g. "money.json"
    std::string pointer;  // JSON pointer, e.g. "/reports/0/tables/1/rows/3"
    std::string message;
    bool warning = false;
    std::string str() const;  // "file: pointer: message"
};

struct Source {
    std::string doc;
    int from = 0, to = 0;
    std::string quote;
    bool present() const { return !doc.empty(); }
};

struct Flag {
    std::string kind;  // derived | inferred | contradicted | source-error | does-not-reconcile | garbled | outside-knowledge | not-named
    std::string note;
};
bool has_flag(const std::vector<Flag>& flags, const char* kind);

// A piece of board or case-study content: a short label and its verbatim text.
struct Item {
    std::string id, label, text, kind, speaker, doc;
    Source source;
    std::vector<Flag> flags;
};

struct BarrierGroup {
    std::string id, title;
    std::vector<Item> barriers;
};

// Which answer a board's options record (boards.json "choice"); empty kind: none.
struct BoardChoice {
    std::string kind;    // "priorities" | "pool-by-default"
    std::string reason;  // priorities: the commitment on the board that asks what is de-prioritised
};

struct Board {
    std::string id, p, title;
    int order = 0;
    BoardChoice choice;
    Item question, opening_quote;
    std::vector<BarrierGroup> barrier_groups;
    std::vector<Item> enablers, tradeoffs, commitments, quotes, options, evidence;
    std::vector<std::string> case_studies, places, terms;
};

struct Metric {
    std::string id, label, unit, date, cited_source;
    std::optional<double> value, baseline;
    Source source;
    std::vector<Flag> flags;
};

// A case study's theme (one of the Ps, by board id) and why: the source ties it to that P
// (basis "text", with the source) or it is the editors' reading ("editorial", flagged inferred).
struct CaseTheme {
    std::string board, basis, note;
    Source source;
    std::vector<Flag> flags;
};

struct CaseStudy {
    std::string id, ref, title, kind, doc, scale;
    int year = 0;
    std::vector<std::string> places, partners, boards;
    Item summary;
    std::vector<Item> what_was_done, lessons;
    std::vector<Metric> metrics;
    std::vector<CaseTheme> themes;
    Source source;
    std::vector<Flag> flags;
    bool has_theme(const std::string& board) const;
};

struct Place {
    std::string id, name, kind, ics, ics_basis, parent;
    Source source;
    std::vector<Flag> flags;
};
// A London borough or the City: one of the 33 areas the map draws.
bool is_local_authority(const Place& p);

struct Ics {
    std::string id, name;
    Source source;
};

// A schematic close-up of part of the map (places.json "close_ups"): where its places sit on the
// schematic (the editors' positions, so flagged) and which case studies it offers.
struct CloseUpSpot {
    std::string place;
    double x = 0, y = 0;  // in a unit box, x right, y down
};
struct CloseUpCase {
    std::string case_study, label;  // label: how a button names it ("the Pathway programme")
    std::string at;                 // a spot's place that the case study's marker sits by, or ""
    bool figures = false;           // list its figures in the close-up
};
struct CloseUp {
    std::string id, title, area;  // area: the place it enlarges
    Item intro;                   // intro.label is the sentence shown, sourced
    std::vector<CloseUpSpot> spots;
    std::vector<CloseUpCase> case_studies;
    std::vector<Flag> flags;      // say where the positions come from
};

struct Column {
    std::string id, label;
    std::string role;  // series only: part | total | received | net ("" = none); see docs/data-format.md
};

struct MoneyRow {
    std::string id, label, kind, fund_type, workstream, org_split, host;
    int month = 0;
    std::vector<std::string> sum_of;
    std::map<std::string, std::optional<double>> values;
    Source source;
    std::vector<Flag> flags;
};

struct MoneyTable {
    std::string id, org, title, unit, note;
    std::string sign_convention;      // series: how to read the signs, in words
    std::string checks_title;         // costs: heading of the figure checks shown with the table
    std::vector<std::string> checks;  // costs: ids of figures with a "check", shown with the table
    double tolerance = 1;
    std::vector<Column> columns;
    std::vector<MoneyRow> rows;
    Source source;
    std::vector<Flag> flags;
    const MoneyRow* row(const std::string& id) const;
};

// The figures a report's headline boxes restate (money.json reports[].headline); "" = none.
struct Headline {
    std::string annual, forecast, variance, pooled;
};

struct Report {
    std::string id, title, fy, sign_convention, note;
    std::string area;  // the place the report covers, as its source names it ("City and Hackney")
    Headline headline;
    int month = 0;
    Source source;
    std::vector<MoneyTable> tables;
};

// A figure's own arithmetic (money.json figures[].check): value = sum or product of `of`.
struct FigureCheck {
    std::string op;  // "sum" | "product"; "" = no check
    std::vector<std::string> of;
    double tolerance = 1;
};

struct Figure {
    std::string id, label, unit, org, note;
    std::optional<double> value;
    FigureCheck check;
    std::vector<std::string> conflicts_with;  // claims only
    Source source;
    std::vector<Flag> flags;
};

struct FundPart {
    std::string id, label;
    std::optional<double> share;
    Source source;
    std::vector<Flag> flags;
};

struct Fund {
    std::string id, title;
    Figure total, growth;
    std::vector<FundPart> parts;
    Source source;
    std::vector<Flag> flags;
};

struct Organisation {
    std::string id, name;
    Source source;
};

struct Workstream {
    std::string id, label;
};

struct Money {
    std::vector<Report> reports;
    std::vector<Organisation> organisations;
    std::vector<Workstream> workstreams;
    std::vector<MoneyTable> series, costs;
    std::vector<Figure> figures, claims;
    std::vector<Fund> funds;
    const Figure* figure(const std::string& id) const;  // a figure or, failing that, a claim
};

struct Term {
    std::string id, term, expansion, definition;
    std::vector<std::string> aliases;
    Source source;
    std::vector<Flag> flags;
};

struct Event {
    std::string id, date, label, date_basis;
    std::vector<std::string> places;
    Source source;
    std::vector<Flag> flags;
};

struct Document {
    std::string id, file, title, kind, date, date_basis, producer, summary;
    int line_count = 0;
    std::vector<std::string> lines;  // the text, split on '\n'
    Source source;
    std::vector<Flag> flags;
};

struct Content {
    std::vector<Document> documents;
    std::vector<Board> boards;
    std::vector<CaseStudy> case_studies;
    std::vector<Ics> icss;
    std::vector<Place> places;
    std::vector<CloseUp> close_ups;
    Money money;
    std::vector<Term> terms;
    std::vector<Event> events;

    const Document* document(const std::string& id) const;
    const Board* board(const std::string& id) const;
    const Board* choice_board(const std::string& kind) const;  // the board whose choice is `kind`, or null
    const CaseStudy* case_study(const std::string& id) const;
    const Place* place(const std::string& id) const;
    const Term* term(const std::string& id) const;
};

// Reads files through this interface so the app (Emscripten FS) and the tests
// (in-memory packs) share the loader.
struct FileReader {
    virtual ~FileReader() = default;
    // Returns false if the file does not exist or cannot be read.
    virtual bool read(const std::string& relpath, std::string& out) const = 0;
};

struct DirReader : FileReader {
    std::string dir;
    explicit DirReader(std::string d) : dir(std::move(d)) {}
    bool read(const std::string& relpath, std::string& out) const override;
};

struct MemReader : FileReader {
    std::map<std::string, std::string> files;
    bool read(const std::string& relpath, std::string& out) const override;
};

struct LoadResult {
    Content content;
    std::vector<Issue> issues;  // errors and warnings, in file order
    int errors() const;
    int warnings() const;
    bool ok() const { return errors() == 0; }
};

LoadResult load_content(const FileReader& reader);

// Whitespace-collapsed containment used for quotes (exposed for tests).
std::string collapse_ws(const std::string& s);
bool quote_in_lines(const Document& doc, int from, int to, const std::string& quote);

}  // namespace jup
