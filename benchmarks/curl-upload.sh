#!/usr/bin/env bash
# The floor of a scripted user: the chunked upload with nothing but curl, one process per request.
# Token (stable_token), applyupload, one `curl -F` per 5 MiB part (the part cut from the file by dd
# into curl's stdin: no temporary file), commitupload. Prints media_id=N last.
# Used by PeerBenchmark (contender "curl"); by hand:
#   benchmarks/curl-upload.sh http://127.0.0.1:PORT FILE '剧目名 - 第1集'
set -euo pipefail
base=$1 file=$2 name=$3
part=$((5 * 1024 * 1024))
size=$(stat -c %s "$file")
parts=$(( (size + part - 1) / part ))

# str NAME JSON: a string field of a flat JSON answer, kept JSON-escaped (it goes back into JSON as it came);
# num NAME JSON: a number field
str() { sed -n "s/.*\"$1\" *: *\"\(\(\\\\.\|[^\"\\\\]\)*\)\".*/\1/p" <<<"$2"; }
num() { sed -n "s/.*\"$1\" *: *\([0-9][0-9]*\).*/\1/p" <<<"$2"; }
post_json() { curl -sS --fail -H 'Content-Type: application/json' --data-binary "$2" "$base$1"; }

answer=$(post_json /cgi-bin/stable_token '{"grant_type":"client_credential","appid":"wxbench000000000001","secret":"bench"}')
token=$(str access_token "$answer")
answer=$(post_json "/wxa/sec/vod/applyupload?access_token=$token" "{\"media_name\":\"$name\",\"media_type\":\"MP4\"}")
upload_id=$(str upload_id "$answer")
[ -n "$upload_id" ] || { echo "applyupload: $answer" >&2; exit 1; }

infos=""
for ((i = 1; i <= parts; i++)); do
  answer=$(dd if="$file" bs=$part skip=$((i - 1)) count=1 status=none \
    | curl -sS --fail -F "upload_id=$upload_id" -F "part_number=$i" -F "resource_type=1" \
        -F "data=@-;filename=episode.mp4;type=application/octet-stream" "$base/wxa/sec/vod/uploadpart?access_token=$token")
  etag=$(str etag "$answer")
  [ -n "$etag" ] || { echo "uploadpart $i: $answer" >&2; exit 1; }
  infos="$infos${infos:+,}{\"part_number\":$i,\"etag\":\"$etag\"}"
done

answer=$(post_json "/wxa/sec/vod/commitupload?access_token=$token" "{\"upload_id\":\"$upload_id\",\"media_part_infos\":[$infos]}")
media_id=$(num media_id "$answer")
[ -n "$media_id" ] || { echo "commitupload: $answer" >&2; exit 1; }
echo "media_id=$media_id"
