# Shared helpers for the scripts: stage timing.
_stage_name=""; _stage_t0=0
stage_done() {
  if [ -n "$_stage_name" ]; then
    printf '==> %-45s %5ds\n' "$_stage_name done" "$(( $(date +%s) - _stage_t0 ))"
  fi
  _stage_name=""
}
stage() {
  stage_done
  _stage_name="$1"; _stage_t0=$(date +%s)
  printf '==> %s\n' "$1"
}
