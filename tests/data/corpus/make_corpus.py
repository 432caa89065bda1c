#!/usr/bin/env python3
"""Writes the importer's test corpus from documents.py: each document rendered as the copy
people have (Word's plain text, a legal website, pdftotext with or without -layout, DOCX,
PDF) in its encoding, and <name>.expected.json, the parse the importer must give, derived
from the document's structure (never from the parser).

    tests/data/corpus/make_corpus.py            # rewrites the corpus next to this script

The PDF needs LibreOffice (soffice) to print the DOCX; everything else is the standard
library and iconv. The generated files are committed, so the tests never need this script.
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
import zipfile
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from documents import DOCS, MOTTO  # noqa: E402

SUPERSCRIPTS = {1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹'}


# ---- the expected parse -------------------------------------------------------------

def expected_label(label, sign_counts):
    if label.startswith('Điều'):
        return label.rstrip('.').strip()
    if label in ('-', '+'):
        sign_counts[label] = sign_counts.get(label, 0) + 1
        return '%s%d' % (label, sign_counts[label])
    return label


def expected_clauses(clauses):
    out = []
    counts = {}
    for c in clauses:
        out.append({'label': expected_label(c['label'], counts), 'text': '\n'.join(c['paras']),
                    'children': expected_clauses(c['children'])})
    return out


def date_words(d, m, y):
    # Nghị định 30/2020: a zero before days under 10 and before months 1 and 2
    return 'ngày %s tháng %s năm %d' % ('%02d' % d if d < 10 else str(d), '%02d' % m if m < 3 else str(m), y)


def expected(doc, fmt, encoding_name, info):
    d, m, y = doc['date']
    exp = {
        'file': doc['file'], 'format': fmt, 'encoding': encoding_name, 'info_contains': info,
        'number': doc['number'], 'place': doc['place'], 'date': '%04d-%02d-%02d' % (y, m, d), 'type': doc['type'],
        'title': ' '.join(doc['title']), 'issuer': ' '.join(doc['issuer']), 'body': doc['body'], 'session': doc['session'],
        'preamble': doc['preamble'], 'clauses': expected_clauses(doc['clauses']), 'closing': doc['closing'],
        'signer': {'on_behalf': doc['signer']['on_behalf'], 'title': doc['signer']['title'], 'name': doc['signer']['name']},
        'footnotes': [{'number': n, 'clause': path, 'text': text} for n, path, text in doc.get('footnotes', [])],
        'appendices': [{'label': a['label'], 'title': ' '.join(a['title']), 'notes': a['notes'], 'columns': a['columns'],
                        'rows': a['rows']} for a in doc['appendices']],
        'warnings_contain': doc.get('expected_warnings', []),
    }
    return exp


# ---- the text of the body, shared by the plain-text renderers -------------------------

def clause_lines(c, doc):
    """The paragraphs of a clause and its children: [(kind, text)], kind 'p' for a paragraph."""
    out = []
    label, paras = c['label'], c['paras']
    if label.split(' ')[0] in ('Chương', 'Mục', 'Phần'):
        out.append(('h', label))
        out += [('h', p) for p in paras]
    elif label.startswith('Điều') and label in doc.get('split_dieu', set()):
        out.append(('p', 'Điều'))
        out.append(('p', label.split(' ', 1)[1] + ' ' + paras[0]))
        out += [('p', p) for p in paras[1:]]
    else:
        out.append(('p', label + ' ' + paras[0]))
        out += [('p', p) for p in paras[1:]]
    for child in c['children']:
        out += clause_lines(child, doc)
    return out


def body_paragraphs(doc):
    out = []
    for c in doc['clauses']:
        out += clause_lines(c, doc)
    return out


def closing_outside(doc):
    """The closing formula as its own paragraph, unless an article carries it."""
    def carried(cs):
        return any(doc['closing'] in c['paras'] or carried(c['children']) for c in cs)
    return doc['closing'] and not carried(doc['clauses'])


def signer_lines(doc):
    s = doc['signer']
    return ([s['on_behalf']] if s['on_behalf'] else []) + [s['title'], '', '', '', s['name']]


def zip_columns(left, right, sep='\t'):
    n = max(len(left), len(right))
    rows = []
    for i in range(n):
        a = left[i] if i < len(left) else ''
        b = right[i] if i < len(right) else ''
        rows.append(a + sep + b if b else a)
    return rows


def place_date(doc):
    return '%s, %s' % (doc['place'], date_words(*doc['date']))


# ---- renderers --------------------------------------------------------------------------

def render_word_txt(doc):
    """Word's "Save as plain text": a paragraph a line, table cells separated by tabs."""
    L = zip_columns(doc['issuer'] + ['-------', 'Số: ' + doc['number']], MOTTO + ['---------------', place_date(doc)])
    L += [doc['type']] + doc['title'] + [doc['body']] + ([doc['session']] if doc['session'] else [])
    L += doc['preamble'] + [doc['decides']]
    L += [t for _, t in body_paragraphs(doc)]
    if closing_outside(doc):
        L.append(doc['closing'])
    L += zip_columns(['Nơi nhận:'] + doc['recipients'], signer_lines(doc))
    for a in doc['appendices']:
        L += [a['label']] + a['title'] + a['notes']
        L += ['\t'.join(r) for r in [a['columns']] + a['rows']]
    return L


def table_copy(cells):
    """A table row copied from a web page: each cell's lines, cells joined by a tab."""
    text = '\t'.join('\n'.join(c) for c in cells)
    return text.split('\n')


def pipe_row(cells):
    return '| ' + ' | '.join(cells) + ' |'


def render_website(doc, header_style):
    L = []
    if header_style == 'pipes':
        L.append(' '.join(doc['issuer']) + ' ------- | ' + ' '.join(MOTTO) + ' --------------- |')
        L.append('Số: %s | %s |' % (doc['number'], place_date(doc)))
    else:
        L += table_copy([doc['issuer'] + ['-------'], MOTTO + ['---------------']])
        L += table_copy([['Số: ' + doc['number']], [place_date(doc)]])
    L.append('')
    L += [doc['type']] + [' '.join(doc['title'])] + [doc['body']] + ([doc['session']] if doc['session'] else []) + ['']
    for p in doc['preamble']:
        L += [p, '']
    L += [doc['decides'], '']
    for _, t in body_paragraphs(doc):
        L += [t, '']
    if closing_outside(doc):
        L += [doc['closing'], '']

    def appendices():
        out = []
        for a in doc['appendices']:
            out += [a['label'], ''] + a['title'] + a['notes'] + ['']
            if doc.get('appendix_style') == 'pipes':
                out.append(pipe_row(a['columns']))
                out.append('|' + '|'.join('---' for _ in a['columns']) + '|')
                out += [pipe_row(r) for r in a['rows']]
            else:
                out += ['\t'.join(r) for r in [a['columns']] + a['rows']]
            out.append('')
        return out

    if doc.get('appendix_style') == 'pipes':   # the website puts the appendix before the signature
        L += appendices()
    L += table_copy([['Nơi nhận:'] + doc['recipients'], signer_lines(doc)])
    if doc.get('appendix_style') != 'pipes':
        L += [''] + appendices()
    return L


def wrap(text, width, indent=0, margin=0):
    lines = textwrap.wrap(text, width=width - margin, initial_indent=' ' * indent, subsequent_indent='',
                          break_long_words=False, break_on_hyphens=False)
    return [' ' * margin + l for l in lines]


def center(text, width):
    pad = max(0, (width - len(text)) // 2)
    return ' ' * pad + text


def paginate(blocks, page_lines, running_header=None, footnotes=None, number_pages=True, center_width=80):
    """Lays out blocks of lines on pages: a running header after the first page, the page's
    footnotes and its number at the foot, a form feed between pages (as pdftotext does)."""
    pages = [[]]
    notes_on = [[]]
    footnotes = footnotes or {}

    def room():
        used = len(pages[-1]) + sum(len(n) for n in notes_on[-1]) + 2
        return page_lines - used

    for line in blocks:
        if room() <= 0:
            pages.append([])
            notes_on.append([])
            if running_header:
                pages[-1] += [running_header, '']
        pages[-1].append(line)
        for n, lines in footnotes.items():
            if SUPERSCRIPTS[n] in line:
                notes_on[-1].append(lines)
    out = []
    for i, page in enumerate(pages):
        out += page
        for note in notes_on[i]:
            out += note
        if number_pages:
            out += ['', center(str(i + 1), center_width)]
        if i + 1 < len(pages):
            out.append('\f')
    # join the form feed with the next page's first line, as pdftotext writes it
    text = '\n'.join(out).replace('\f\n', '\f')
    return text.split('\n')


def render_pdftotext(doc):
    """pdftotext without -layout: reading order (the header's left column, then the right),
    lines wrapped at the page's width, page numbers and a running header."""
    W = doc['wrap']
    B = doc['issuer'] + ['Số: ' + doc['number']] + MOTTO + [place_date(doc), '']
    B += [doc['type']] + doc['title'] + [doc['body']] + ([doc['session']] if doc['session'] else []) + ['']
    for p in doc['preamble']:
        B += wrap(p, W)
    B += [doc['decides']]
    for kind, t in body_paragraphs(doc):
        B += [t] if kind == 'h' else wrap(t, W)
    if closing_outside(doc):
        B += wrap(doc['closing'], W)
    B += ['', 'Nơi nhận:'] + doc['recipients'] + ['']
    B += [l for l in signer_lines(doc) if l]
    return paginate(B, doc.get('page_lines', 44), running_header=doc.get('running_header'), center_width=W)


def render_layout(doc):
    """pdftotext -layout: the header's columns side by side, centred headings, indented first
    lines, footnotes at the foot of their page."""
    W = doc['wrap']
    col = W // 2
    left = doc['issuer'] + ['-------', 'Số: ' + doc['number']]
    right = MOTTO + ['---------------', place_date(doc)]
    B = []
    for i in range(max(len(left), len(right))):
        a = center(left[i], col - 4) if i < len(left) else ''
        b = center(right[i], col + 4) if i < len(right) else ''
        B.append((a.ljust(col - 4) + b).rstrip())
    B += ['', center(doc['type'], W)] + [center(t, W) for t in doc['title']] + ['', center(doc['body'], W)]
    if doc['session']:
        B.append(center(doc['session'], W))
    B.append('')
    for p in doc['preamble']:
        B += wrap(p, W, indent=6)
    B += [center(doc['decides'], W)]
    for kind, t in body_paragraphs(doc):
        B += [center(t, W)] if kind == 'h' else wrap(t, W, indent=6)
    if closing_outside(doc):
        B += wrap(doc['closing'], W, indent=6)
    B.append('')
    sig = signer_lines(doc)
    rec = ['Nơi nhận:'] + doc['recipients']
    for i in range(max(len(rec), len(sig))):
        a = rec[i] if i < len(rec) else ''
        b = center(sig[i], col) if i < len(sig) and sig[i] else ''
        B.append((a.ljust(col) + b).rstrip())
    notes = {n: wrap(SUPERSCRIPTS[n] + ' ' + text, W) for n, _, text in doc.get('footnotes', [])}
    return paginate(B, doc.get('page_lines', 46), footnotes=notes, center_width=W)


# ---- legacy encoders (and their decoders, to prove each file round-trips) ---------------

TCVN3_LOWER = {
    'ă': 0xA8, 'â': 0xA9, 'ê': 0xAA, 'ô': 0xAB, 'ơ': 0xAC, 'ư': 0xAD, 'đ': 0xAE,
    'à': 0xB5, 'ả': 0xB6, 'ã': 0xB7, 'á': 0xB8, 'ạ': 0xB9, 'ằ': 0xBB, 'ẳ': 0xBC, 'ẵ': 0xBD, 'ắ': 0xBE,
    'ặ': 0xC6, 'ầ': 0xC7, 'ẩ': 0xC8, 'ẫ': 0xC9, 'ấ': 0xCA, 'ậ': 0xCB, 'è': 0xCC, 'ẻ': 0xCE, 'ẽ': 0xCF,
    'é': 0xD0, 'ẹ': 0xD1, 'ề': 0xD2, 'ể': 0xD3, 'ễ': 0xD4, 'ế': 0xD5, 'ệ': 0xD6, 'ì': 0xD7, 'ỉ': 0xD8,
    'ĩ': 0xDC, 'í': 0xDD, 'ị': 0xDE, 'ò': 0xDF, 'ỏ': 0xE1, 'õ': 0xE2, 'ó': 0xE3, 'ọ': 0xE4, 'ồ': 0xE5,
    'ổ': 0xE6, 'ỗ': 0xE7, 'ố': 0xE8, 'ộ': 0xE9, 'ờ': 0xEA, 'ở': 0xEB, 'ỡ': 0xEC, 'ớ': 0xED, 'ợ': 0xEE,
    'ù': 0xEF, 'ủ': 0xF1, 'ũ': 0xF2, 'ú': 0xF3, 'ụ': 0xF4, 'ừ': 0xF5, 'ử': 0xF6, 'ữ': 0xF7, 'ứ': 0xF8,
    'ự': 0xF9, 'ỳ': 0xFA, 'ỷ': 0xFB, 'ỹ': 0xFC, 'ý': 0xFD, 'ỵ': 0xFE,
}
TCVN3_CAPS = {'Ă': 0xA1, 'Â': 0xA2, 'Ê': 0xA3, 'Ô': 0xA4, 'Ơ': 0xA5, 'Ư': 0xA6, 'Đ': 0xA7}


def encode_tcvn3(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in TCVN3_CAPS:
            out.append(TCVN3_CAPS[ch])
        elif ch in TCVN3_LOWER:
            out.append(TCVN3_LOWER[ch])
        elif ch.lower() in TCVN3_LOWER:
            out.append(TCVN3_LOWER[ch.lower()])  # ABC has no code for it: a capital font draws the lower-case code
        else:
            out += ch.encode('cp1252')
    return bytes(out)


def decode_tcvn3(data):
    rev = {v: k for k, v in TCVN3_LOWER.items()}
    rev.update({v: k for k, v in TCVN3_CAPS.items()})
    return ''.join(rev.get(b, bytes([b]).decode('cp1252')) for b in data)


def restore_tcvn3_capitals(text):
    """The same rule as RtEncoding: in each cell of a line (split at tabs and pipes), a run
    written in capitals (codes with digits or '/' aside) is all capitals; elsewhere a word
    with two ASCII capitals and no ASCII lower case is."""
    import re

    def ascii_caps(w):
        return sum(1 for c in w if c.isascii() and c.isupper())

    def ascii_lower(w):
        return sum(1 for c in w if c.isascii() and c.islower())

    def code(w):
        return any(c.isdigit() or c == '/' for c in w)

    def cell(seg):
        toks = re.split(r'(\s+)', seg)
        words = [w for w in toks[::2] if w and not code(w) and any(c.isalpha() for c in w)]
        caps = (len(words) >= 2 and all(ascii_lower(w) == 0 for w in words)
                and sum(1 for w in words if ascii_caps(w) >= 2) * 2 >= len(words))
        for i in range(0, len(toks), 2):
            w = toks[i]
            if not w or code(w):
                continue
            if (caps and any(c.isalpha() for c in w)) or (ascii_caps(w) >= 2 and ascii_lower(w) == 0):
                toks[i] = w.upper()
        return ''.join(toks)

    return '\n'.join(''.join(cell(p) if i % 2 == 0 else p for i, p in enumerate(re.split(r'([\t|])', line)))
                     for line in text.split('\n'))


VNI_TONE = {'\u0300': (0xF8, 0xD8), '\u0301': (0xF9, 0xD9), '\u0309': (0xFB, 0xDB), '\u0303': (0xF5, 0xD5), '\u0323': (0xEF, 0xCF)}
VNI_CIRC_TONE = {None: (0xE2, 0xC2), '\u0300': (0xE0, 0xC0), '\u0301': (0xE1, 0xC1), '\u0309': (0xE5, 0xC5), '\u0303': (0xE3, 0xC3), '\u0323': (0xE4, 0xC4)}
VNI_BREVE_TONE = {None: (0xEA, 0xCA), '\u0300': (0xE8, 0xC8), '\u0301': (0xE9, 0xC9), '\u0309': (0xFA, 0xDA), '\u0303': (0xFC, 0xDC), '\u0323': (0xEB, 0xCB)}
VNI_I = {'\u0300': (0xEC, 0xCC), '\u0301': (0xED, 0xCD), '\u0309': (0xE6, 0xC6), '\u0303': (0xF3, 0xD3), '\u0323': (0xF2, 0xD2)}


def encode_vni(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        parts = unicodedata.normalize('NFD', ch)
        base, marks = parts[0], parts[1:]
        upper = base.isupper()
        k = 1 if upper else 0
        tone = next((m for m in marks if m in VNI_TONE), None)
        modifier = next((m for m in marks if m in '\u0302\u0306\u031b'), None)
        if ch in 'đĐ':
            out.append(0xD1 if upper else 0xF1)
        elif base.lower() not in 'aeiouy' or (not tone and not modifier):
            out += ch.encode('cp1252')
        elif modifier == '\u031b':   # horn: ơ ư
            out.append({'o': (0xF4, 0xD4), 'u': (0xF6, 0xD6)}[base.lower()][k])
            if tone:
                out.append(VNI_TONE[tone][k])
        elif modifier == '\u0302':
            out.append(ord(base))
            out.append(VNI_CIRC_TONE[tone][k])
        elif modifier == '\u0306':
            out.append(ord(base))
            out.append(VNI_BREVE_TONE[tone][k])
        elif base.lower() == 'i':
            out.append(VNI_I[tone][k])
        elif base.lower() == 'y' and tone == '\u0323':
            out.append(0xCE if upper else 0xEE)
        else:
            out.append(ord(base))
            out.append(VNI_TONE[tone][k])
    return bytes(out)


def decode_vni(data):
    singles = {0xEC: 'ì', 0xCC: 'Ì', 0xED: 'í', 0xCD: 'Í', 0xE6: 'ỉ', 0xC6: 'Ỉ', 0xF3: 'ĩ', 0xD3: 'Ĩ', 0xF2: 'ị', 0xD2: 'Ị',
               0xF4: 'ơ', 0xD4: 'Ơ', 0xF6: 'ư', 0xD6: 'Ư', 0xF1: 'đ', 0xD1: 'Đ', 0xEE: 'ỵ', 0xCE: 'Ỵ'}
    tone = {b: t for t, pair in VNI_TONE.items() for b in pair}
    circ = {b: t for t, pair in VNI_CIRC_TONE.items() for b in pair}
    breve = {b: t for t, pair in VNI_BREVE_TONE.items() for b in pair}
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        base = chr(b) if b < 0x80 else singles.get(b)
        if base is None:
            out.append(bytes([b]).decode('cp1252'))
            i += 1
            continue
        out.append(base)
        i += 1
        if i < len(data) and base.lower() in 'aeiouyơư':
            m = data[i]
            lo = base.lower()
            if m in tone:
                out.append(tone[m]); i += 1
            elif lo in 'aeo' and m in circ:
                out.append('\u0302' + (circ[m] or '')); i += 1
            elif lo == 'a' and m in breve:
                out.append('\u0306' + (breve[m] or '')); i += 1
    return unicodedata.normalize('NFC', ''.join(out))


def encode(text, encoding):
    text = unicodedata.normalize('NFC', text)
    if encoding == 'utf-8':
        return text.encode('utf-8')
    if encoding == 'utf-8-sig':
        return b'\xef\xbb\xbf' + text.encode('utf-8')
    if encoding == 'utf-16-le':
        return text.encode('utf-16-le')
    if encoding == 'utf-16-be-bom':
        return b'\xfe\xff' + text.encode('utf-16-be')
    if encoding == 'cp1258':
        data = subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'CP1258'], input=text.encode('utf-8'), capture_output=True, check=True).stdout
        back = subprocess.run(['iconv', '-f', 'CP1258', '-t', 'UTF-8'], input=data, capture_output=True, check=True).stdout.decode('utf-8')
        assert unicodedata.normalize('NFC', back) == text, 'CP1258 does not round-trip'
        return data
    if encoding == 'tcvn3':
        data = encode_tcvn3(text)
        back = restore_tcvn3_capitals(unicodedata.normalize('NFC', decode_tcvn3(data)))
        for a, b in zip(back.split('\n'), text.split('\n')):
            assert a == b, 'TCVN3 (ABC) loses this line; reword it:\n  %s\n  %s' % (b, a)
        return data
    if encoding == 'vni':
        data = encode_vni(text)
        assert decode_vni(data) == text, 'VNI does not round-trip'
        return data
    raise ValueError(encoding)


ENCODING_NAMES = {'utf-8': 'UTF-8', 'utf-8-sig': 'UTF-8', 'utf-16-le': 'UTF-16LE', 'utf-16-be-bom': 'UTF-16BE',
                  'cp1258': 'Windows-1258', 'tcvn3': 'TCVN3 (ABC)', 'vni': 'VNI-Windows'}


# ---- DOCX --------------------------------------------------------------------------------

W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def run(text, bold=False, italic=False, superscript=False, size=None):
    props = ''
    if bold:
        props += '<w:b/>'
    if italic:
        props += '<w:i/>'
    if superscript:
        props += '<w:vertAlign w:val="superscript"/>'
    if size:
        props += '<w:sz w:val="%d"/>' % (size * 2)
    rpr = '<w:rPr>%s</w:rPr>' % props if props else ''
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(text))


def para(runs, align=None, indent=None, numbered=False, keep=False, size=None, page_break_before=False):
    ppr = ''
    if numbered:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    ppr += '<w:spacing w:before="0" w:after="60"/>'
    if indent:
        ppr += '<w:ind w:firstLine="%d"/>' % indent
    if align:
        ppr += '<w:jc w:val="%s"/>' % align
    if page_break_before:
        ppr += '<w:pageBreakBefore/>'
    return '<w:p><w:pPr>%s</w:pPr>%s</w:p>' % (ppr, runs)


def text_runs(text, footnote_ids):
    """Runs for a text, its superscript footnote markers turned into Word footnote references."""
    out = ''
    buf = ''
    for ch in text:
        n = next((k for k, v in SUPERSCRIPTS.items() if v == ch), None)
        if n is not None and n in footnote_ids:
            out += run(buf) if buf else ''
            buf = ''
            out += '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>' % n
        else:
            buf += ch
    return out + (run(buf) if buf else '')


def table(rows, widths, borders=True, spans=None, bold_first=False, size=None, aligns=None):
    spans = spans or {}
    border = ''
    if borders:
        border = '<w:tblBorders>' + ''.join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % b
                                            for b in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>'
    xml = '<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>%s</w:tblGrid>' % (
        sum(widths), border, ''.join('<w:gridCol w:w="%d"/>' % w for w in widths))
    for i, cells in enumerate(rows):
        xml += '<w:tr>'
        if i in spans:
            # a group row: its number, then its name across the other columns
            xml += '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (widths[0], para(run(cells[0], bold=True, size=size)))
            xml += '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/></w:tcPr>%s</w:tc>' % (
                sum(widths[1:]), len(widths) - 1, para(run(cells[1], bold=True, size=size)))
        else:
            for k, (w, cell) in enumerate(zip(widths, cells)):
                lines = cell if isinstance(cell, list) else [cell]
                align = aligns[k] if aligns else ('center' if not borders else None)
                body = ''.join(para(run(l, bold=bold_first and i == 0, size=size), align=align) for l in lines) or para('')
                xml += '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (w, body)
        xml += '</w:tr>'
    return xml + '</w:tbl>'


def clause_xml(c, doc, footnote_ids):
    out = ''
    label, paras = c['label'], c['paras']
    if label.split(' ')[0] in ('Chương', 'Mục', 'Phần'):
        out += para(run(label, bold=True), align='center') + ''.join(para(run(p, bold=True), align='center') for p in paras)
    elif c.get('numbered'):
        out += para(text_runs(paras[0], footnote_ids), indent=567, numbered=True)
    elif label.startswith('Điều'):
        out += para(run(label + ' ', bold=True) + text_runs(paras[0], footnote_ids), indent=567)
        out += ''.join(para(text_runs(p, footnote_ids), indent=567) for p in paras[1:])
    else:
        out += para(run(label + ' ') + text_runs(paras[0], footnote_ids), indent=567)
        out += ''.join(para(text_runs(p, footnote_ids), indent=567) for p in paras[1:])
    for child in c['children']:
        out += clause_xml(child, doc, footnote_ids)
    return out


def write_docx(doc, path, font='DejaVu Serif', size=11):
    fids = {n for n, _, _ in doc.get('footnotes', [])}
    b = ''
    b += table([[doc['issuer'] + ['Số: ' + doc['number']], MOTTO + [place_date(doc)]]], [3600, 5400], borders=False, size=size)
    b += para('')
    b += para(run(doc['type'], bold=True), align='center')
    b += ''.join(para(run(t, bold=True), align='center') for t in doc['title'])
    b += para('')
    b += para(run(doc['body'], bold=True), align='center')
    if doc['session']:
        b += para(run(doc['session'], bold=True), align='center')
    b += ''.join(para(run(p, italic=True), indent=567) for p in doc['preamble'])
    b += para(run(doc['decides'], bold=True), align='center')
    for c in doc['clauses']:
        b += clause_xml(c, doc, fids)
    if closing_outside(doc):
        b += para(run(doc['closing'], italic=True), indent=567)
    b += para('')
    b += table([[['Nơi nhận:'] + doc['recipients'], signer_lines(doc)]], [4500, 4500], borders=False, size=size - 2, aligns=['left', 'center'])
    for a in doc['appendices']:
        b += para(run(a['label'], bold=True), align='center', page_break_before=True)
        b += ''.join(para(run(t, bold=True), align='center') for t in a['title'])
        b += ''.join(para(run(n, italic=True), align='center') for n in a['notes'])
        ncol = len(a['columns'])
        widths = [700, 3300, 1700, 1500, 1800][:ncol] if ncol == 5 else [9000 // ncol] * ncol
        b += table([a['columns']] + a['rows'], widths, spans={i + 1: True for i in a.get('spans', {})},
                   bold_first=True, size=size - 1)
    b += ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" '
          'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>%s</w:body></w:document>') % (W_NS, b)
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/><w:sz w:val="%d"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>'
              '</w:docDefaults></w:styles>') % (W_NS, font, font, font, size * 2)
    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%1)"/><w:lvlJc w:val="left"/>'
                 '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>') % W_NS
    notes = ''.join('<w:footnote w:id="%d"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>%s</w:p></w:footnote>'
                    % (n, run(' ' + text, size=size - 2)) for n, _, text in doc.get('footnotes', []))
    footnotes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="%s">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 '%s</w:footnotes>') % (W_NS, notes)
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
                     '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                '</Relationships>')
    # fixed timestamps: the same input gives the same bytes
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in [('[Content_Types].xml', content_types), ('_rels/.rels', rels), ('word/_rels/document.xml.rels', doc_rels),
                           ('word/document.xml', document), ('word/styles.xml', styles), ('word/numbering.xml', numbering),
                           ('word/footnotes.xml', footnotes)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8'))


def write_pdf_from_docx(docx, pdf):
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        raise SystemExit('LibreOffice (soffice) is needed to print the PDF: apt-get install libreoffice-writer-nogui')
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp)
        subprocess.run([soffice, '--headless', '-env:UserInstallation=file://%s/profile' % tmp, '--convert-to', 'pdf',
                        '--outdir', tmp, docx], check=True, capture_output=True, env=env)
        shutil.copy(os.path.join(tmp, os.path.splitext(os.path.basename(docx))[0] + '.pdf'), pdf)


def write_scanned_pdf(path):
    """A one-page PDF holding only an image (a "scan"): no text layer."""
    w, h = 400, 120
    rows = []
    for y in range(h):
        row = bytearray([255] * w)
        if 20 <= y % 30 < 26:          # grey bars where the lines of text would be
            for x in range(30, w - 30):
                row[x] = 90 if (x // 7) % 5 else 255
        rows.append(b'\x00' + bytes(row))
    image = zlib.compress(b''.join(rows))
    content = b'q 400 0 0 120 100 600 cm /Im1 Do Q'
    objs = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
        b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 '
        b'/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns %d >> /Length %d >>\nstream\n' % (w, h, w, len(image)) + image + b'\nendstream',
        b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream',
    ]
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % (i + 1) + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    with open(path, 'wb') as f:
        f.write(out)


def main():
    for doc in DOCS:
        base = os.path.join(HERE, doc['file'])
        r = doc['render']
        if r in ('docx', 'pdf'):
            with tempfile.TemporaryDirectory() as tmp:
                docx = os.path.join(tmp, doc['file'] + '.docx')
                write_docx(doc, docx)
                if r == 'docx':
                    shutil.copy(docx, base + '.docx')
                else:
                    write_pdf_from_docx(docx, base + '.pdf')
            exp = expected(doc, r, '', [])
            out = base + '.' + r
        else:
            lines = {'word_txt': render_word_txt, 'website_pipes': lambda d: render_website(d, 'pipes'),
                     'website_tabs': lambda d: render_website(d, 'tabs'), 'pdftotext': render_pdftotext,
                     'layout': render_layout}[r](doc)
            text = doc['newline'].join(lines) + doc['newline']
            out = base + '.txt'
            with open(out, 'wb') as f:
                f.write(encode(text, doc['encoding']))
            name = ENCODING_NAMES[doc['encoding']]
            info = [] if name == 'UTF-8' else ['converted from ' + name]
            exp = expected(doc, 'text', name, info)
        with open(base + '.expected.json', 'w', encoding='utf-8') as f:
            json.dump(exp, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print('wrote', os.path.relpath(out, HERE))
    write_scanned_pdf(os.path.join(HERE, '90-scan-khong-co-lop-chu.pdf'))
    print('wrote 90-scan-khong-co-lop-chu.pdf')


if __name__ == '__main__':
    main()
