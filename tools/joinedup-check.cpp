// joinedup-check <folder>: validates a Joined-Up content pack and prints every problem as
// "<file>: <JSON pointer>: <problem>". Exit status 0 when there are no errors (warnings
// for figures the source itself gets wrong are printed but allowed), 1 otherwise.
#include <cstdio>
#include <string>

#include "core/content.hpp"

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) == "--help") {
        std::fprintf(stderr, "usage: joinedup-check <content-folder>\n");
        return 2;
    }
    jup::DirReader reader(argv[1]);
    jup::LoadResult r = jup::load_content(reader);
    for (auto& i : r.issues) std::printf("%s\n", i.str().c_str());
    const jup::Content& c = r.content;
    size_t rows = 0;
    for (auto& rep : c.money.reports)
        for (auto& t : rep.tables) rows += t.rows.size();
    std::printf("%s: %zu documents, %zu boards, %zu case studies, %zu places, %zu budget rows, %zu terms, %zu events; %d errors, %d warnings\n",
                argv[1], c.documents.size(), c.boards.size(), c.case_studies.size(), c.places.size(), rows, c.terms.size(),
                c.events.size(), r.errors(), r.warnings());
    return r.ok() ? 0 : 1;
}
