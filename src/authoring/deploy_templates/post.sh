#!/usr/bin/env bash
# Posts to the status page from CI and commits the Markdown file it wrote, so the files stay
# the record. Written by `beacon init --ci github|gitlab`; the "Post to the status page"
# workflow, the issue and alert workflows (GitHub) and the post and alert jobs (GitLab) run it.
#
#   post.sh                      posts what POST_ACTION says, with the POST_* variables below
#   post.sh ingest SOURCE FILE   runs `beacon ingest SOURCE FILE` (github: an issue event;
#                                alertmanager: an alert webhook), which may write nothing
#
# POST_ACTION      new incident | update | resolve | new maintenance
# POST_INCIDENT    update, resolve: the incident's slug; empty: the latest open incident
# POST_TITLE       new incident, new maintenance: the title
# POST_SEVERITY    new incident: notice, degraded, partial or major
# POST_COMPONENTS  new incident, new maintenance: component ids, separated by commas or spaces
# POST_STATUS      update: identified, monitoring, update, ... (`beacon update --help`)
# POST_TEXT        new incident: its first update; update: the text; resolve: the last update
# POST_START, POST_END  new maintenance: the window, as `beacon new maintenance` reads them
# PUSH_BRANCH      the branch to commit to (required)
# PUSH_REMOTE      where to push (default origin); PUSH_OPTION: a `git push -o` option
#
# Each attempt starts from the branch as the remote has it now, runs the command, commits and
# pushes. When the push is refused because another run pushed first, it does the same again on
# top of that run's commit (the edit is made again, never merged), up to 5 times. Nothing to
# commit (an ignored event, a replay) is not a failure. A command that fails (a bad slug, a bad
# payload) fails the run with its message, and nothing is committed.
set -euo pipefail

remote="${PUSH_REMOTE:-origin}"
branch="${PUSH_BRANCH:?set PUSH_BRANCH to the branch to commit to}"

# The command, and the words the commit message names it by.
command=()
what=""
case "${1:-post}" in
  ingest)
    [ $# -eq 3 ] || { echo "usage: post.sh ingest SOURCE FILE" >&2; exit 2; }
    command=(beacon ingest "$2" "$3")
    what="ingest $2"
    ;;
  post)
    components=()
    IFS=', ' read -r -a ids <<<"${POST_COMPONENTS:-}"
    for id in "${ids[@]}"; do
      if [ -n "$id" ]; then components+=(--component "$id"); fi
    done
    target=(--latest)
    if [ -n "${POST_INCIDENT:-}" ]; then target=("$POST_INCIDENT"); fi
    case "${POST_ACTION:-}" in
      "new incident")
        command=(beacon new incident "${POST_TITLE:-}" --severity "${POST_SEVERITY:-major}" "${components[@]}")
        if [ -n "${POST_TEXT:-}" ]; then command+=(--text "$POST_TEXT"); fi
        what="new incident"
        ;;
      update)
        command=(beacon update "${target[@]}" --status "${POST_STATUS:-}" "${POST_TEXT:-}")
        what="update"
        ;;
      resolve)
        command=(beacon resolve "${target[@]}")
        if [ -n "${POST_TEXT:-}" ]; then command+=("$POST_TEXT"); fi
        what="resolve"
        ;;
      "new maintenance")
        command=(beacon new maintenance "${POST_TITLE:-}" --start "${POST_START:-}" --end "${POST_END:-}" "${components[@]}")
        what="new maintenance"
        ;;
      *)
        echo "POST_ACTION is \"${POST_ACTION:-}\"; expected new incident, update, resolve or new maintenance" >&2
        exit 2
        ;;
    esac
    ;;
  *)
    echo "usage: post.sh [ingest SOURCE FILE]" >&2
    exit 2
    ;;
esac

if ! git config user.name >/dev/null; then
  git config user.name "${POST_GIT_NAME:-beacon post}"
  git config user.email "${POST_GIT_EMAIL:-beacon-post@localhost}"
fi

# In braces, so bash reads all of it before the first reset can replace this file.
{
  for attempt in 1 2 3 4 5; do
    git fetch -q "$remote" "$branch"
    git reset -q --hard FETCH_HEAD
    "${command[@]}"
    # (A site with no incident yet may have no such folder, and the command may write none.)
    if [ -d content/incidents ]; then git add -A -- content/incidents; fi
    if git diff --cached --quiet; then
      echo "nothing to commit: the status page is as it was"
      exit 0
    fi
    # The incidents the command wrote, by file name (the slug, unless the front matter sets one).
    slugs="$(git diff --cached --name-only -- content/incidents | sed -e 's,.*/,,' -e 's,\.md$,,' | sort -u | paste -sd ' ' -)"
    message="Post to status page: $what $slugs"
    case "$what" in
      "new incident") message="$message (${POST_SEVERITY:-major})" ;;
      update) message="$message (${POST_STATUS:-})" ;;
    esac
    git commit -q -m "$message"
    if git push -q ${PUSH_OPTION:+-o "$PUSH_OPTION"} "$remote" "HEAD:$branch"; then
      echo "committed and pushed to $branch: $message"
      if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "pushed=true" >>"$GITHUB_OUTPUT"; fi
      exit 0
    fi
    echo "the push to $branch was refused (attempt $attempt; another run pushed first?): posting again on top of it"
    sleep "$attempt"
  done
  echo "could not push to $branch after 5 attempts" >&2
  exit 1
}
