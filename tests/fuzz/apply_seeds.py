# Writes the seed inputs in tests/fuzz/corpus/apply/ for fuzz_apply (mirrors the decoder in
# tests/fuzz/fuzz_apply.cpp: keep A and ARGS in the order of its kActions table).
#   python3 tests/fuzz/apply_seeds.py tests/fuzz/corpus/apply
import sys, os
A = ["set_view","open_board","select_case_study","select_place","show_source","set_text_scale","set_theme","rate_barrier",
 "toggle_enabler","toggle_commitment","set_note","toggle_priority","set_deprioritised","set_pool_choice","add_pool_exception",
 "remove_pool_exception","clear_answers","import_answers","set_presenter","present_step","tally_add","tally_clear","pound_tab",
 "pound_scope","pound_zoom","pound_zoom_out","pound_compare_by","pound_whatif_set","pound_whatif_note","pound_whatif_pool_all",
 "pound_whatif_reset","map_layout","map_filter","map_clear_filters","map_era","map_inset","map_benchmark","open_share","tally_restore"]
ARGS = {"set_view":["pool"],"open_board":["pool"],"select_case_study":["pool"],"select_place":["pool"],"show_source":["pool","line"],
 "set_text_scale":["scale"],"set_theme":["pool"],"rate_barrier":["pool","rating"],"toggle_enabler":["pool"],"toggle_commitment":["pool"],
 "set_note":["pool","text"],"toggle_priority":["pool"],"set_deprioritised":["text"],"set_pool_choice":["pool"],"add_pool_exception":["text"],
 "remove_pool_exception":["index"],"clear_answers":[],"import_answers":["file"],"set_presenter":["bool"],"present_step":["delta"],
 "tally_add":["files"],"tally_clear":[],"pound_tab":["pool"],"pound_scope":["pool"],"pound_zoom":["zoom"],"pound_zoom_out":[],
 "pound_compare_by":["pool"],"pound_whatif_set":["pool","pool","text"],"pound_whatif_note":["pool","text"],"pound_whatif_pool_all":[],
 "pound_whatif_reset":[],"map_layout":["pool"],"map_filter":["pool","pool","bool"],"map_clear_filters":[],"map_era":["pool"],
 "map_inset":["bool"],"map_benchmark":["poly"],
 "open_share":["share","bool"],"tally_restore":["kept"]}
def typed(kind, k):
    if kind=="pool": return [k & 255, k >> 8]
    if kind=="line": return [k, 0]
    if kind in ("scale","index","delta","bool"): return [k]
    if kind=="rating": return [1, k]
    if kind=="text": s=("reason %d" % k).encode(); return [3, len(s)] + list(s)
    if kind=="file": return [k % 8]
    if kind=="files": return [2, 0, 0]          # two copies of the current export
    if kind=="zoom": return [2, 1, 0, 1, 0]     # biggest organisation, then its biggest fund type
    if kind=="poly": return [k, 0]
    if kind=="share": return [k % 4]           # the current session's link: whole, "#", cut, or one byte changed
    if kind=="kept": return [1, 0, 0]          # the kept list plus an answers file
def act(name, k=1, vals=None):
    out=[A.index(name)]
    for i, kind in enumerate(ARGS[name]):
        out += [1, 0] + typed(kind, (vals[i] if vals else k))
    return out + [1]
def write(path, seq): open(path, "wb").write(bytes(seq))
d = sys.argv[1]
seq=[]
for i, n in enumerate(A): seq += act(n, i + 1)
write(os.path.join(d, "every-action"), seq)
write(os.path.join(d, "priorities"), sum([act("toggle_priority", k) for k in (0,1,2,3,1,3)], []) + act("set_deprioritised", 5))
write(os.path.join(d, "whatif"), act("pound_tab", 3) + act("pound_whatif_set", vals=[0,0,1]) + act("pound_whatif_set", vals=[3,2,2])
      + act("pound_whatif_note", vals=[3,4]) + act("pound_whatif_pool_all") + act("pound_whatif_set", vals=[0,3,0]) + act("pound_whatif_reset"))
write(os.path.join(d, "answers-export-import"), act("rate_barrier", vals=[0,2]) + act("rate_barrier", vals=[1,3]) + act("toggle_enabler", 0)
      + act("set_note", vals=[1,7]) + act("add_pool_exception", 2) + act("add_pool_exception", 3) + act("remove_pool_exception", 0)
      + act("import_answers", 0) + act("import_answers", 3) + act("import_answers", 4) + act("clear_answers") + act("import_answers", 1))
write(os.path.join(d, "navigation-and-map"), act("set_presenter", 0) + act("present_step", 4) + act("present_step", 0) + act("show_source", vals=[1, 5])
      + act("set_text_scale", 63) + act("map_filter", vals=[0,1,0]) + act("map_filter", vals=[1,0,1]) + act("map_layout", 1) + act("map_era", 2)
      + act("tally_add") + act("pound_zoom") + act("pound_zoom_out") + act("pound_scope", 1) + act("tally_clear"))
write(os.path.join(d, "share-and-kept-tally"), act("rate_barrier", vals=[0,2]) + act("open_share", vals=[0,1]) + act("clear_answers")
      + act("open_share", vals=[1,0]) + act("open_share", vals=[2,0]) + act("open_share", vals=[3,0]) + act("tally_add")
      + act("tally_restore") + act("tally_clear") + act("tally_restore"))
