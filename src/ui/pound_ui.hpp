// What the Local pound view keeps between frames (held by ui::UiState::pound, owned by the shell):
// the page core prepared, rebuilt when the content or the state it was built from changes; the
// treemap's layout for one size; and the exception reasons as typed.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/present/pound.hpp"
#include "core/treemap.hpp"
#include "ui/draft.hpp"

namespace ui {

struct TreeCell {
    const jup::PoundNode* node = nullptr;
    jup::TRect r;
    int depth = 0;
    int top = 0;  // index of the zoomed node's child that holds it
};

struct PoundUi {
    const jup::Content* content = nullptr;
    std::string key;  // the state the page was built from (scope, tab, zoom, grouping, revisions)
    std::unique_ptr<jup::present::PoundPage> page;
    // The treemap cells, for the page above at one size.
    const jup::present::PoundPage* laid_out = nullptr;
    float w = 0, h = 0, header = 0;
    std::vector<TreeCell> cells;
    std::map<std::string, Draft> reasons;  // source row id -> the exception reason as typed
};

}  // namespace ui
