#!/usr/bin/env python3
"""A Qt Linguist catalogue (Vietnamese and English): update it, and check it is complete.

Two catalogues use it: the plugin's (plugin/i18n/resolutiontracker_{vi,en}.ts, sources
plugin/ and map/rtprocessing*) and the core's (layers/i18n/restrack_core_{vi,en}.ts,
sources layers/, cli/ and map/ but the Processing algorithms).

    rt_i18n.py update --lupdate LUPDATE --source-dir DIR --ts-dir DIR --ts-name NAME_{}.ts
        runs lupdate over the sources into the committed .ts files (then translate the new
        or changed messages, in Qt Linguist or by editing the XML, and remove their
        type="unfinished").

    rt_i18n.py check (same arguments)
        the ctest check: runs lupdate on the current sources into temporary copies of the
        committed .ts files and fails when
          - the committed files are out of date with the sources (a message added, removed
            or changed in the code and `update` not run), or
          - any message of either language is unfinished, empty, vanished or obsolete, or
          - a translation loses or adds a %1-style argument or the menu accelerator (&), or
          - the Vietnamese text of an English source is the source itself (untranslated),
            or the English text of a Vietnamese source is the source itself,
            except for the strings listed in the --same-as-source file.

The sources scanned are the .cpp, .h and .ui files under each --source-dir, except its
subfolders tools/ and i18n/ and the files matching an --exclude pattern, and the files
matching each --also pattern. Locations are not written (-locations none), so moving code
does not make the files out of date. Standard library only.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LANGUAGES = ("vi", "en")

# Letters that only Vietnamese text has (lower and upper case, precomposed).
VI_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ")


SKIPPED_DIRS = ("tools", "i18n")  # plugin/tools/: developer tools, not the plugin's UI


def sources(args):
    files = []
    for source_dir in args.source_dir:
        source_dir = os.path.normpath(source_dir)
        for folder, dirs, names in os.walk(source_dir):
            if folder == source_dir:
                dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
            files += [os.path.join(folder, n) for n in names if n.endswith((".cpp", ".h", ".ui"))]
    excluded = set()
    for pattern in args.exclude:
        excluded |= set(os.path.normpath(f) for f in glob.glob(pattern))
    files = [f for f in files if os.path.normpath(f) not in excluded]
    for pattern in args.also:
        files += glob.glob(pattern)
    return sorted(set(files))


def run_lupdate(args, ts_path, language):
    lupdate = args.lupdate
    files = sources(args)
    if not files:
        raise SystemExit("no sources found in %s" % ", ".join(args.source_dir))
    cmd = [lupdate, "-silent", "-no-obsolete", "-locations", "none", "-no-ui-lines",
           "-tr-function-alias", "translate+=rtMsg,translate+=rtBilingual",
           "-source-language", "en", "-target-language", language] + files + ["-ts", ts_path]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    # lupdate warns (for example about tr() in a class without Q_OBJECT) without failing.
    for line in done.stdout.splitlines():
        if line.strip():
            print("lupdate: " + line)
    if done.returncode != 0:
        raise SystemExit("lupdate failed (%d): %s" % (done.returncode, " ".join(cmd)))


def text_of(element):
    return "" if element is None or element.text is None else element.text


def read_ts(path):
    """{(context, source, comment, numerus): (type, [translations])} and the file's language."""
    root = ET.parse(path).getroot()
    messages = {}
    for context in root.iter("context"):
        name = text_of(context.find("name"))
        for message in context.iter("message"):
            source = text_of(message.find("source"))
            comment = text_of(message.find("comment"))
            numerus = message.get("numerus") == "yes"
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "missing"
            if numerus and translation is not None:
                forms = [text_of(f) for f in translation.iter("numerusform")]
            else:
                forms = [text_of(translation)]
            messages[(name, source, comment, numerus)] = (kind, forms)
    return root.get("language", ""), messages


def describe(key):
    context, source, comment, numerus = key
    text = "%s: \"%s\"" % (context, source.replace("\n", "\\n"))
    if comment:
        text += " (%s)" % comment
    if numerus:
        text += " [plural]"
    return text


def arguments(text):
    return sorted(set(re.findall(r"%(?:L?\d+|n)", text)))


def has_accelerator(text):
    return re.search(r"&(?!&)\S", text.replace("&&", "")) is not None


def vietnamese_share(text):
    """The share of the words of a text that carry a Vietnamese letter (ă, â, đ, ê, ô, ơ, ư, tones)."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return 0.0
    return sum(1 for w in words if any(c in VI_LETTERS for c in w)) / len(words)


def looks_english(text):
    # English with at most a Vietnamese name or two in it ("prefixes such as “Phường”").
    return re.search(r"[A-Za-z]{3,}", text) is not None and vietnamese_share(text) < 0.3


def looks_vietnamese(text):
    return vietnamese_share(text) >= 0.3


def same_as_source_allowed(path):
    allowed = set()
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    allowed.add(line)
    return allowed


def problems_of(language, messages, allowed, allowed_file):
    problems = []
    for key, (kind, forms) in sorted(messages.items()):
        source = key[1]
        where = "%s %s" % (language, describe(key))
        if kind in ("unfinished", "missing"):
            problems.append("%s: not translated (unfinished)" % where)
            continue
        if kind in ("vanished", "obsolete"):
            problems.append("%s: %s (no longer in the sources)" % (where, kind))
            continue
        if not forms or any(not f.strip() for f in forms):
            problems.append("%s: empty translation" % where)
            continue
        for form in forms:
            if key[3]:
                # A plural form may spell the number out instead of %n; other arguments must stay.
                want = [a for a in arguments(source) if a != "%n"]
                got = [a for a in arguments(form) if a != "%n"]
            else:
                want, got = arguments(source), arguments(form)
            if want != got:
                problems.append("%s: arguments %s in the source, %s in \"%s\"" % (where, want, got, form))
            if has_accelerator(source) != has_accelerator(form):
                problems.append("%s: the source %s a menu accelerator (&), \"%s\" %s" % (
                    where, "has" if has_accelerator(source) else "has no", form,
                    "does not" if has_accelerator(source) else "does"))
        if source not in allowed and all(f == source for f in forms):
            if language == "vi" and looks_english(source):
                problems.append("%s: the Vietnamese text is the English source (untranslated); "
                                "if it is right as it is, list the source in %s" % (where, allowed_file))
            if language == "en" and looks_vietnamese(source):
                problems.append("%s: the English text is the Vietnamese source (untranslated); "
                                "if it is right as it is, list the source in %s" % (where, allowed_file))
    return problems


def update(args):
    for language in LANGUAGES:
        path = os.path.join(args.ts_dir, args.ts_name.format(language))
        run_lupdate(args, path, language)
        _, messages = read_ts(path)
        todo = sum(1 for kind, _ in messages.values() if kind in ("unfinished", "missing"))
        print("%s: %d messages, %d to translate" % (path, len(messages), todo))
    return 0


def check(args):
    allowed = same_as_source_allowed(args.same_as_source)
    failures = []
    total = {}
    with tempfile.TemporaryDirectory(prefix="rt-i18n-") as tmp:
        for language in LANGUAGES:
            committed = os.path.join(args.ts_dir, args.ts_name.format(language))
            if not os.path.exists(committed):
                failures.append("%s is missing: run the update (see below)" % committed)
                continue
            fresh = os.path.join(tmp, args.ts_name.format(language))
            shutil.copyfile(committed, fresh)
            run_lupdate(args, fresh, language)
            file_language, old = read_ts(committed)
            _, new = read_ts(fresh)
            if not file_language.startswith(language):
                failures.append("%s declares language \"%s\"" % (committed, file_language))
            added = sorted(set(new) - set(old))
            removed = sorted(set(old) - set(new))
            for key in added:
                failures.append("%s: out of date: %s is in the sources, not in the file" % (committed, describe(key)))
            for key in removed:
                failures.append("%s: out of date: %s is in the file, no longer in the sources" % (committed, describe(key)))
            failures += problems_of(language, new, allowed, args.same_as_source or "a same-as-source file")
            total[language] = len(new)
    if total and min(total.values()) < args.min_messages:
        failures.append("only %s messages found (at least %d expected): is lupdate reading the plugin sources?"
                        % (total, args.min_messages))
    if failures:
        print("The translations %s are not complete:" % os.path.join(args.ts_dir, args.ts_name))
        for f in failures:
            print("  " + f)
        print("Fix: cmake --build BUILD --target rt_update_translations, translate the messages "
              "marked type=\"unfinished\" in %s, remove the marks." % os.path.join(args.ts_dir, args.ts_name))
        return 1
    print("translations complete: %s messages in %s" % (
        ", ".join("%d" % total[l] for l in LANGUAGES), ", ".join(LANGUAGES)))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("update", "check"))
    parser.add_argument("--lupdate", default="lupdate")
    parser.add_argument("--source-dir", action="append", required=True,
                        help="a folder of sources to scan (repeatable)")
    parser.add_argument("--ts-dir", required=True)
    parser.add_argument("--ts-name", required=True, help="the .ts file name, {} standing for the language")
    parser.add_argument("--same-as-source", help="the file listing the sources rightly translated as themselves")
    parser.add_argument("--exclude", action="append", default=[],
                        help="a glob of sources under a --source-dir not to scan (repeatable)")
    parser.add_argument("--min-messages", type=int, default=1)
    parser.add_argument("--also", action="append", default=[],
                        help="a glob of more sources to scan (repeatable)")
    args = parser.parse_args()
    return update(args) if args.mode == "update" else check(args)


if __name__ == "__main__":
    sys.exit(main())
