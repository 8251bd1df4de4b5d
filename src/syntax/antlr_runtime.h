// The ANTLR runtime headers that the generated lexer and parser (and src/syntax) need, instead of
// Debian's umbrella antlr4-runtime.h: that one also pulls in misc/InterpreterDataReader.h, which
// does not compile under clang 14 (a defaulted constructor of Vocabulary that is deleted), and
// the fuzz targets (tests/fuzz) are built with clang. src/syntax/CMakeLists.txt rewrites the
// generated files' #include "antlr4-runtime.h" to this header. Private to src/syntax.
#pragma once

#include <antlr4-common.h>

#include <ANTLRInputStream.h>
#include <BailErrorStrategy.h>
#include <CharStream.h>
#include <CommonToken.h>
#include <CommonTokenStream.h>
#include <DefaultErrorStrategy.h>
#include <Exceptions.h>
#include <FailedPredicateException.h>
#include <Lexer.h>
#include <NoViableAltException.h>
#include <Parser.h>
#include <ParserRuleContext.h>
#include <RecognitionException.h>
#include <RuntimeMetaData.h>
#include <Token.h>
#include <TokenSource.h>
#include <TokenStream.h>
#include <Vocabulary.h>
#include <atn/ATN.h>
#include <atn/ATNDeserializer.h>
#include <atn/LexerATNSimulator.h>
#include <atn/ParserATNSimulator.h>
#include <atn/PredictionContext.h>
#include <atn/PredictionMode.h>
#include <dfa/DFA.h>
#include <misc/Interval.h>
#include <support/Any.h>
#include <tree/ParseTree.h>
#include <tree/ParseTreeVisitor.h>
#include <tree/TerminalNode.h>
