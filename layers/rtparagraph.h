#ifndef RTPARAGRAPH_H
#define RTPARAGRAPH_H

#include <QPair>
#include <QString>
#include <QVector>

/**
 * \brief One paragraph of a resolution's text: a line, or lines joined again where a page
 * break or the width of a PDF page cut a sentence. Anchors map offsets in the text back to
 * source lines, so every clause can say where it starts.
 */
struct RtParagraph
{
  QString text;  //!< trimmed, emphasis marks removed
  QString raw;   //!< the first source line as it was (tabs, pipes, column gaps kept)
  int line = 0;  //!< source line (1-based) of its start
  QVector<QPair<int, int>> anchors; //!< (offset in text, source line)

  //! The source line of \a offset in text.
  int lineAt( int offset ) const
  {
    int l = line;
    for ( const auto &a : anchors )
      if ( a.first <= offset )
        l = a.second;
    return l;
  }
};

//! A line of the source after page furniture is removed, with its line number.
struct RtSourceLine
{
  QString text;           //!< as written (tabs, pipes and column gaps kept), without form feeds
  int line = 0;           //!< 1-based line in the source
  bool pageStart = false; //!< the first line of a page after the first
};

#endif // RTPARAGRAPH_H
