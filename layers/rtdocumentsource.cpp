#include "rtdocumentsource.h"
#include "rttr.h"

#include <QAtomicInt>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QVector>
#include <QXmlStreamReader>

#include <cpl_error.h>
#include <cpl_vsi.h>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

namespace
{
  const QLatin1String sWordNs( "http://schemas.openxmlformats.org/wordprocessingml/2006/main" );

  QString superscriptDigits( int number )
  {
    static const QString sDigits = QStringLiteral( "⁰¹²³⁴⁵⁶⁷⁸⁹" );
    QString out;
    for ( const QChar c : QString::number( number ) )
      out.append( sDigits.at( c.digitValue() ) );
    return out;
  }

  QStringList splitLines( const QString &text )
  {
    static const QRegularExpression sLineBreak( QStringLiteral( "\r\n|\r|\n" ) );
    return text.split( sLineBreak );
  }

  // ---- PDF -------------------------------------------------------------------------------

  void quietPoppler( const std::string &, void * ) {}

  // ---- DOCX ------------------------------------------------------------------------------

  //! A ZIP archive held in memory, read through GDAL's /vsizip/.
  class MemoryZip
  {
    public:
      explicit MemoryZip( const QByteArray &bytes )
        : mBytes( bytes )
      {
        static QAtomicInt sCounter;
        mPath = QStringLiteral( "/vsimem/rtdocumentsource_%1_%2.zip" ).arg( reinterpret_cast<quintptr>( this ) ).arg( sCounter.fetchAndAddRelaxed( 1 ) ).toUtf8();
        VSILFILE *f = VSIFileFromMemBuffer( mPath.constData(), reinterpret_cast<GByte *>( mBytes.data() ), static_cast<vsi_l_offset>( mBytes.size() ), FALSE );
        if ( f )
          VSIFCloseL( f );
      }
      ~MemoryZip() { VSIUnlink( mPath.constData() ); }
      MemoryZip( const MemoryZip & ) = delete;
      MemoryZip &operator=( const MemoryZip & ) = delete;

      //! The member \a name, or a null array when there is none.
      QByteArray member( const QString &name ) const
      {
        const QByteArray path = QByteArray( "/vsizip/" ) + mPath + '/' + name.toUtf8();
        GByte *data = nullptr;
        vsi_l_offset size = 0;
        // a missing member is an answer, not an error for GDAL to print
        CPLPushErrorHandler( CPLQuietErrorHandler );
        const int ok = VSIIngestFile( nullptr, path.constData(), &data, &size, 64 * 1024 * 1024 );
        CPLPopErrorHandler();
        if ( !ok )
          return QByteArray();
        QByteArray out( reinterpret_cast<const char *>( data ), static_cast<int>( size ) );
        VSIFree( data );
        return out;
      }

    private:
      QByteArray mBytes;
      QByteArray mPath;
  };

  QString wordAttribute( const QXmlStreamReader &xml, const char *name )
  {
    return xml.attributes().value( sWordNs, QLatin1String( name ) ).toString();
  }

  //! Word's numbering definitions (word/numbering.xml): enough to write the labels out.
  class DocxNumbering
  {
    public:
      void parse( const QByteArray &xmlBytes )
      {
        QXmlStreamReader xml( xmlBytes );
        int abstractId = -1;
        int numId = -1;
        int level = -1;
        while ( !xml.atEnd() )
        {
          xml.readNext();
          if ( !xml.isStartElement() )
            continue;
          const auto n = xml.name();
          if ( n == QLatin1String( "abstractNum" ) )
          {
            abstractId = wordAttribute( xml, "abstractNumId" ).toInt();
            numId = -1;
          }
          else if ( n == QLatin1String( "num" ) )
          {
            numId = wordAttribute( xml, "numId" ).toInt();
            abstractId = -1;
          }
          else if ( n == QLatin1String( "lvl" ) )
            level = wordAttribute( xml, "ilvl" ).toInt();
          else if ( n == QLatin1String( "lvlOverride" ) )
            level = wordAttribute( xml, "ilvl" ).toInt();
          else if ( n == QLatin1String( "abstractNumId" ) && numId >= 0 )
            mNumToAbstract[numId] = wordAttribute( xml, "val" ).toInt();
          else if ( n == QLatin1String( "startOverride" ) && numId >= 0 && level >= 0 )
            mStartOverride[numId][level] = wordAttribute( xml, "val" ).toInt();
          else if ( abstractId >= 0 && level >= 0 && level < 9 )
          {
            Level &l = mAbstract[abstractId][level];
            if ( n == QLatin1String( "start" ) )
              l.start = wordAttribute( xml, "val" ).toInt();
            else if ( n == QLatin1String( "numFmt" ) )
              l.format = wordAttribute( xml, "val" );
            else if ( n == QLatin1String( "lvlText" ) )
              l.text = wordAttribute( xml, "val" );
          }
        }
      }

      //! The label of the next paragraph of list \a numId at \a level ("a)", "1.", "-").
      QString next( int numId, int level )
      {
        if ( numId <= 0 || level < 0 || level >= 9 || !mNumToAbstract.contains( numId ) )
          return QString();
        const QMap<int, Level> &levels = mAbstract[mNumToAbstract.value( numId )];
        QVector<int> &counters = mCounters[numId];
        if ( counters.isEmpty() )
          counters = QVector<int>( 9, 0 );
        counters[level] = counters[level] == 0 ? startOf( numId, level, levels ) : counters[level] + 1;
        for ( int k = level + 1; k < 9; ++k )
          counters[k] = 0;
        const Level l = levels.value( level );
        if ( l.format == QLatin1String( "bullet" ) )
          return l.text == QLatin1String( "+" ) ? QStringLiteral( "+" ) : QStringLiteral( "-" );
        if ( l.format == QLatin1String( "none" ) )
          return QString();
        QString label = l.text;
        for ( int k = 0; k <= level; ++k )
          label.replace( QStringLiteral( "%%1" ).arg( k + 1 ), format( counters[k] ? counters[k] : startOf( numId, k, levels ), levels.value( k ).format ) );
        return label;
      }

    private:
      struct Level
      {
        int start = 1;
        QString format = QStringLiteral( "decimal" );
        QString text;
      };

      int startOf( int numId, int level, const QMap<int, Level> &levels ) const
      {
        return mStartOverride.value( numId ).value( level, levels.value( level ).start );
      }

      static QString letters( int n, bool upper )
      {
        QString out;
        const int letter = ( n - 1 ) % 26;
        const int repeat = ( n - 1 ) / 26 + 1;
        out.fill( QChar( ( upper ? 'A' : 'a' ) + letter ), repeat );
        return out;
      }

      static QString roman( int n, bool upper )
      {
        static const int sValues[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        static const char *sSymbols[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i" };
        QString out;
        for ( int i = 0; i < 13; ++i )
          while ( n >= sValues[i] )
          {
            out += QLatin1String( sSymbols[i] );
            n -= sValues[i];
          }
        return upper ? out.toUpper() : out;
      }

      static QString format( int n, const QString &fmt )
      {
        if ( fmt == QLatin1String( "lowerLetter" ) ) return letters( n, false );
        if ( fmt == QLatin1String( "upperLetter" ) ) return letters( n, true );
        if ( fmt == QLatin1String( "lowerRoman" ) ) return roman( n, false );
        if ( fmt == QLatin1String( "upperRoman" ) ) return roman( n, true );
        if ( fmt == QLatin1String( "decimalZero" ) ) return QStringLiteral( "%1" ).arg( n, 2, 10, QLatin1Char( '0' ) );
        return QString::number( n );
      }

      QMap<int, QMap<int, Level>> mAbstract;
      QMap<int, int> mNumToAbstract;
      QMap<int, QMap<int, int>> mStartOverride;
      QMap<int, QVector<int>> mCounters;
  };

  //! The footnotes' texts (word/footnotes.xml) by id.
  QMap<int, QString> docxFootnotes( const QByteArray &xmlBytes )
  {
    QMap<int, QString> out;
    QXmlStreamReader xml( xmlBytes );
    int id = 0;
    QString text;
    bool inNote = false;
    while ( !xml.atEnd() )
    {
      xml.readNext();
      if ( xml.isStartElement() )
      {
        if ( xml.name() == QLatin1String( "footnote" ) )
        {
          id = wordAttribute( xml, "id" ).toInt();
          inNote = id > 0;
          text.clear();
        }
        else if ( inNote && xml.name() == QLatin1String( "t" ) )
          text += xml.readElementText();
        else if ( inNote && xml.name() == QLatin1String( "tab" ) )
          text += QLatin1Char( ' ' );
        else if ( inNote && xml.name() == QLatin1String( "p" ) && !text.isEmpty() )
          text += QLatin1Char( ' ' );
      }
      else if ( xml.isEndElement() && xml.name() == QLatin1String( "footnote" ) && inNote )
      {
        out.insert( id, text.simplified() );
        inNote = false;
      }
    }
    return out;
  }

  //! word/document.xml into lines.
  class DocxBody
  {
    public:
      DocxBody( DocxNumbering &numbering, const QMap<int, QString> &footnotes )
        : mNumbering( numbering ), mFootnotes( footnotes ) {}

      QString parse( const QByteArray &xmlBytes )
      {
        QXmlStreamReader xml( xmlBytes );
        while ( !xml.atEnd() )
        {
          xml.readNext();
          if ( xml.isStartElement() )
          {
            if ( xml.namespaceUri() != sWordNs )
            {
              // drawings, text boxes, equations: not the resolution's text
              if ( xml.name() == QLatin1String( "AlternateContent" ) )
                xml.skipCurrentElement();
              continue;
            }
            start( xml );
          }
          else if ( xml.isEndElement() && xml.namespaceUri() == sWordNs )
            end( xml.name().toString() );
        }
        if ( xml.hasError() )
          return rtMsg( "RtDocumentSource", "%1 (line %2)" ).arg( xml.errorString() ).arg( xml.lineNumber() );
        return QString();
      }

      QStringList lines;

    private:
      struct Cell
      {
        QStringList paras;
        int span = 1;
      };
      using Row = QVector<Cell>;
      using Table = QVector<Row>;

      void start( QXmlStreamReader &xml )
      {
        const auto n = xml.name();
        if ( n == QLatin1String( "del" ) || n == QLatin1String( "instrText" ) || n == QLatin1String( "drawing" )
             || n == QLatin1String( "pict" ) || n == QLatin1String( "object" ) || n == QLatin1String( "txbxContent" ) )
          xml.skipCurrentElement();
        else if ( n == QLatin1String( "p" ) )
        {
          mPara.clear();
          mNumId = -1;
          mLevel = 0;
          mCited.clear();
        }
        else if ( n == QLatin1String( "r" ) )
        {
          mInRun = true;
          mSuperscript = false;
        }
        else if ( n == QLatin1String( "vertAlign" ) && mInRun )
          mSuperscript = wordAttribute( xml, "val" ) == QLatin1String( "superscript" );
        else if ( n == QLatin1String( "t" ) && mInRun )
        {
          QString text = xml.readElementText();
          if ( mSuperscript )
          {
            // a footnote marker typed as a superscript number
            static const QString sDigits = QStringLiteral( "⁰¹²³⁴⁵⁶⁷⁸⁹" );
            for ( QChar &c : text )
              if ( c.isDigit() && c.unicode() < 0x80 )
                c = sDigits.at( c.digitValue() );
          }
          mPara += text;
        }
        else if ( n == QLatin1String( "tab" ) && mInRun )
          mPara += QLatin1Char( '\t' );
        else if ( ( n == QLatin1String( "br" ) || n == QLatin1String( "cr" ) ) && mInRun )
          mPara += QLatin1Char( '\n' );
        else if ( n == QLatin1String( "noBreakHyphen" ) && mInRun )
          mPara += QLatin1Char( '-' );
        else if ( n == QLatin1String( "footnoteReference" ) )
        {
          const int id = wordAttribute( xml, "id" ).toInt();
          if ( !mFootnoteNumber.contains( id ) )
            mFootnoteNumber.insert( id, mFootnoteNumber.size() + 1 );
          mPara += superscriptDigits( mFootnoteNumber.value( id ) );
          mCited << id;
        }
        else if ( n == QLatin1String( "numId" ) )
          mNumId = wordAttribute( xml, "val" ).toInt();
        else if ( n == QLatin1String( "ilvl" ) )
          mLevel = wordAttribute( xml, "val" ).toInt();
        else if ( n == QLatin1String( "tbl" ) )
          mTables.append( Table() );
        else if ( n == QLatin1String( "tr" ) && !mTables.isEmpty() )
          mTables.last().append( Row() );
        else if ( n == QLatin1String( "tc" ) && !mTables.isEmpty() && !mTables.last().isEmpty() )
          mTables.last().last().append( Cell() );
        else if ( n == QLatin1String( "gridSpan" ) && currentCell() )
          currentCell()->span = std::max( 1, wordAttribute( xml, "val" ).toInt() );
      }

      void end( const QString &n )
      {
        if ( n == QLatin1String( "r" ) )
          mInRun = false;
        else if ( n == QLatin1String( "p" ) )
          endParagraph();
        else if ( n == QLatin1String( "tbl" ) && !mTables.isEmpty() )
          endTable();
      }

      Cell *currentCell()
      {
        if ( mTables.isEmpty() || mTables.last().isEmpty() || mTables.last().last().isEmpty() )
          return nullptr;
        return &mTables.last().last().last();
      }

      void endParagraph()
      {
        QString text = mPara;
        const QString label = mNumbering.next( mNumId, mLevel );
        if ( !label.isEmpty() )
          text = label + QLatin1Char( ' ' ) + text;
        QStringList notes;
        for ( const int id : mCited )
          if ( mFootnotes.contains( id ) )
            notes << superscriptDigits( mFootnoteNumber.value( id ) ) + QLatin1Char( ' ' ) + mFootnotes.value( id );
        if ( Cell *cell = currentCell() )
        {
          for ( const QString &line : text.split( QLatin1Char( '\n' ) ) )
            cell->paras << line.trimmed();
          mPendingNotes << notes;
        }
        else
        {
          lines << text.split( QLatin1Char( '\n' ) );
          lines << notes;
        }
        mPara.clear();
        mCited.clear();
      }

      void endTable()
      {
        const Table table = mTables.takeLast();
        QStringList out;
        int columns = 0;
        bool multiLine = false;
        for ( const Row &row : table )
        {
          int n = 0;
          for ( const Cell &c : row )
          {
            n += c.span;
            int filled = 0;
            for ( const QString &p : c.paras )
              filled += p.isEmpty() ? 0 : 1;
            multiLine |= filled >= 2;
          }
          columns = std::max( columns, n );
        }
        if ( table.size() <= 2 && columns <= 3 && multiLine )
        {
          // A layout table (the header, the signature): its cells' lines side by side.
          for ( const Row &row : table )
          {
            int height = 0;
            for ( const Cell &c : row )
              height = std::max<int>( height, c.paras.size() );
            for ( int k = 0; k < height; ++k )
            {
              QStringList cells;
              for ( const Cell &c : row )
                cells << c.paras.value( k );
              while ( !cells.isEmpty() && cells.last().isEmpty() )
                cells.removeLast();
              out << cells.join( QLatin1Char( '\t' ) );
            }
          }
        }
        else
        {
          for ( const Row &row : table )
          {
            QStringList cells;
            for ( const Cell &c : row )
            {
              QStringList paras;
              for ( const QString &p : c.paras )
                if ( !p.isEmpty() )
                  paras << p;
              cells << paras.join( QLatin1Char( ' ' ) ).replace( QLatin1Char( '\t' ), QLatin1Char( ' ' ) );
              for ( int k = 1; k < c.span; ++k )
                cells << QString();
            }
            out << cells.join( QLatin1Char( '\t' ) );
          }
        }
        if ( Cell *outer = currentCell() )
          outer->paras << out;
        else
        {
          lines << out;
          lines << mPendingNotes;
          mPendingNotes.clear();
        }
      }

      DocxNumbering &mNumbering;
      const QMap<int, QString> &mFootnotes;
      QMap<int, int> mFootnoteNumber; // footnote id → number shown (order of first citation)
      QVector<Table> mTables;
      QString mPara;
      QVector<int> mCited;
      QStringList mPendingNotes;
      int mNumId = -1;
      int mLevel = 0;
      bool mInRun = false;
      bool mSuperscript = false;
  };
}

QString RtSourceText::formatName( Format format )
{
  switch ( format )
  {
    case Format::Text: return QStringLiteral( "text" );
    case Format::Pdf: return QStringLiteral( "pdf" );
    case Format::Docx: return QStringLiteral( "docx" );
  }
  return QString();
}

RtDocumentSource::Kind RtDocumentSource::sniff( const QByteArray &bytes )
{
  // A PDF may carry a few bytes of junk before its header; readers accept it within 1 KiB.
  if ( bytes.left( 1024 ).contains( "%PDF-" ) )
    return Kind::Pdf;
  if ( bytes.startsWith( "PK\x03\x04" ) )
  {
    if ( bytes.contains( "word/document.xml" ) )
      return Kind::Docx;
    if ( bytes.contains( "mimetypeapplication/vnd.oasis.opendocument" ) )
      return Kind::OpenDocument;
    return Kind::Zip;
  }
  if ( bytes.startsWith( "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" ) )
    return Kind::WordBinary;
  if ( bytes.startsWith( "{\\rtf" ) )
    return Kind::Rtf;
  return Kind::Text;
}

RtResult<RtSourceText> RtDocumentSource::readFile( const QString &path, RtEncoding::Encoding encoding )
{
  QFile f( path );
  if ( !f.exists() )
    return RtResult<RtSourceText>::failure( RtErrorKind::NotFound, rtMsg( "RtDocumentSource", "%1: no such file" ).arg( path ) );
  if ( !f.open( QIODevice::ReadOnly ) )
    return RtResult<RtSourceText>::failure( RtErrorKind::Unavailable, rtMsg( "RtDocumentSource", "%1: cannot read it (%2)" ).arg( path, f.errorString() ) );
  return read( f.readAll(), path, encoding );
}

RtResult<RtSourceText> RtDocumentSource::read( const QByteArray &bytes, const QString &sourceName, RtEncoding::Encoding encoding )
{
  using Result = RtResult<RtSourceText>;
  const Kind kind = sniff( bytes );
  if ( kind != Kind::Text && encoding != RtEncoding::Encoding::Auto )
    return Result::failure( rtMsg( "RtDocumentSource", "%1 is not a plain text: --encoding applies to plain text only" ).arg( sourceName ) );
  switch ( kind )
  {
    case Kind::Pdf:
      return readPdf( bytes, sourceName );
    case Kind::Docx:
      return readDocx( bytes, sourceName );
    case Kind::OpenDocument:
      return Result::failure( rtMsg( "RtDocumentSource", "%1 is an OpenDocument file (.odt): save it as .docx, PDF or plain text and import that" ).arg( sourceName ) );
    case Kind::Zip:
      return Result::failure( rtMsg( "RtDocumentSource", "%1 is a ZIP archive but not a Word document (no word/document.xml): expected the plain text, PDF or DOCX of a resolution" ).arg( sourceName ) );
    case Kind::WordBinary:
      return Result::failure( rtMsg( "RtDocumentSource", "%1 is a Word 97-2003 document (.doc): open it in Word or LibreOffice, save it as .docx or PDF, and import that" ).arg( sourceName ) );
    case Kind::Rtf:
      return Result::failure( rtMsg( "RtDocumentSource", "%1 is an RTF document: save it as .docx, PDF or plain text and import that" ).arg( sourceName ) );
    case Kind::Text:
      break;
  }
  RtResult<RtDecodedText> decoded = RtEncoding::decode( bytes, sourceName, encoding );
  if ( !decoded.ok() )
    return Result::failureFrom( decoded );
  RtSourceText source;
  source.format = RtSourceText::Format::Text;
  source.lines = splitLines( decoded.value().text );
  source.encoding = decoded.value().encoding;
  source.notes = decoded.value().notes;
  return Result::success( source );
}

RtResult<RtSourceText> RtDocumentSource::readPdf( const QByteArray &bytes, const QString &sourceName )
{
  using Result = RtResult<RtSourceText>;
  poppler::set_debug_error_function( quietPoppler, nullptr );
  std::unique_ptr<poppler::document> doc( poppler::document::load_from_raw_data( bytes.constData(), bytes.size() ) );
  if ( !doc )
    return Result::failure( rtMsg( "RtDocumentSource", "%1 starts like a PDF but cannot be read as one: it is damaged or cut short" ).arg( sourceName ) );
  if ( doc->is_locked() )
    return Result::failure( rtMsg( "RtDocumentSource", "%1 is a PDF protected by a password: save an unprotected copy and import that" ).arg( sourceName ) );

  RtSourceText source;
  source.format = RtSourceText::Format::Pdf;
  const int pages = doc->pages();
  QVector<int> empty;
  for ( int i = 0; i < pages; ++i )
  {
    std::unique_ptr<poppler::page> page( doc->create_page( i ) );
    QString text;
    if ( page )
    {
      const poppler::byte_array utf8 = page->text( poppler::rectf(), poppler::page::physical_layout ).to_utf8();
      text = QString::fromUtf8( utf8.data(), static_cast<int>( utf8.size() ) );
    }
    text.remove( QLatin1Char( '\f' ) );
    QStringList lines = splitLines( text );
    for ( QString &l : lines )
    {
      // trailing blanks carry no layout; ligatures the font drew as one glyph are letters
      while ( !l.isEmpty() && l.back().isSpace() )
        l.chop( 1 );
      l.replace( QChar( 0xFB01 ), QStringLiteral( "fi" ) ).replace( QChar( 0xFB02 ), QStringLiteral( "fl" ) );
    }
    while ( !lines.isEmpty() && lines.last().isEmpty() )
      lines.removeLast();
    if ( lines.join( QString() ).trimmed().isEmpty() )
    {
      empty << i + 1;
      continue;
    }
    if ( !source.lines.isEmpty() )
      lines.first().prepend( QLatin1Char( '\f' ) );
    source.lines << lines;
  }
  if ( empty.size() == pages )
    return Result::failure( rtMsg( "RtDocumentSource", "%1 has no text layer; it is a scan: OCR it first (for example with ocrmypdf -l vie), then import the result" ).arg( sourceName ) );
  for ( const int p : empty )
    source.warnings << rtMsg( "RtDocumentSource", "page %1 of %2 has no text (a scanned page?); whatever it holds is not read" ).arg( p ).arg( sourceName );
  for ( QString &l : source.lines )
    l = l.normalized( QString::NormalizationForm_C );
  source.notes << rtMsg( "RtDocumentSource", "read from a PDF of %1 page(s) (text layer)" ).arg( pages );
  return Result::success( source );
}

RtResult<RtSourceText> RtDocumentSource::readDocx( const QByteArray &bytes, const QString &sourceName )
{
  using Result = RtResult<RtSourceText>;
  const MemoryZip zip( bytes );
  const QByteArray document = zip.member( QStringLiteral( "word/document.xml" ) );
  if ( document.isNull() )
    return Result::failure( rtMsg( "RtDocumentSource", "%1 looks like a Word document but its word/document.xml cannot be read: the file is damaged or cut short" ).arg( sourceName ) );
  DocxNumbering numbering;
  numbering.parse( zip.member( QStringLiteral( "word/numbering.xml" ) ) );
  const QMap<int, QString> footnotes = docxFootnotes( zip.member( QStringLiteral( "word/footnotes.xml" ) ) );
  DocxBody body( numbering, footnotes );
  const QString error = body.parse( document );
  if ( !error.isEmpty() )
    return Result::failure( rtMsg( "RtDocumentSource", "%1: its word/document.xml is not well-formed XML: %2" ).arg( sourceName, error ) );
  RtSourceText source;
  source.format = RtSourceText::Format::Docx;
  source.linesAreParagraphs = true;
  for ( const QString &l : body.lines )
    source.lines << l.normalized( QString::NormalizationForm_C );
  source.notes << rtMsg( "RtDocumentSource", "read from a Word document (DOCX)" );
  return Result::success( source );
}
