// Parser for gol: Go 1.22 syntax without generics (type parameter lists are parsed only so the
// AST builder can report them as unsupported). Written for SLL prediction: statements are factored
// on their leading expression list, expressions are one flat operand-suffix chain with binary
// operators as a flat list (precedence is applied by the AST builder), and type literals start with
// a distinctive token. Rules ending in NL are the "no composite literal" forms Go uses between the
// keyword of an if/for/switch header and its block. Semicolons come from the token source.
parser grammar GolParser;

options { tokenVocab = GolLexer; }

// ---------------------------------------------------------------- files

sourceFile
    : (packageClause ';')? topList EOF
    ;

packageClause
    : 'package' IDENT
    ;

topList
    : topItem? (';' topItem?)*
    ;

topItem
    : funcDecl      # topFunc
    | importDecl    # topImport
    | statement     # topStmt
    ;

importDecl
    : 'import' (importSpec | '(' (importSpec (';' importSpec)* ';'?)? ')')
    ;

importSpec
    : (IDENT | '.')? (STRING_LIT | RAW_STRING_LIT)
    ;

funcDecl
    : 'func' receiver=parameters? IDENT typeParams? signature block?
    ;

// ---------------------------------------------------------------- declarations

declaration
    : constDecl
    | typeDecl
    | varDecl
    ;

constDecl
    : 'const' (constSpec | '(' (constSpec (';' constSpec)* ';'?)? ')')
    ;

constSpec
    : identList (type_? '=' expressionList)?
    ;

varDecl
    : 'var' (varSpec | '(' (varSpec (';' varSpec)* ';'?)? ')')
    ;

varSpec
    : identList (type_ ('=' expressionList)? | '=' expressionList)
    ;

typeDecl
    : 'type' (typeSpec | '(' (typeSpec (';' typeSpec)* ';'?)? ')')
    ;

typeSpec
    : IDENT typeParams? '='? type_
    ;

// Parsed only to report "not supported by gol: generics".
typeParams
    : '[' typeParamDecl (',' typeParamDecl)* ','? ']'
    ;

typeParamDecl
    : identList typeElem ('|' typeElem)*
    ;

typeElem
    : '~'? type_
    ;

identList
    : IDENT (',' IDENT)*
    ;

// ---------------------------------------------------------------- types

type_
    : typeName          # namedType
    | typeLit           # literalType
    | '(' type_ ')'     # parenType
    ;

typeName
    : IDENT ('.' IDENT)?
    ;

typeLit
    : arrayType
    | structType
    | pointerType
    | funcType
    | interfaceType
    | mapType
    | chanType
    | recvChanType
    ;

// [N]T, [...]T and []T
arrayType
    : '[' (expression | '...')? ']' type_
    ;

structType
    : 'struct' '{' (fieldDecl (';' fieldDecl)* ';'?)? '}'
    ;

fieldDecl
    : (identList type_ | embeddedField) tag=(STRING_LIT | RAW_STRING_LIT)?
    ;

embeddedField
    : '*'? typeName
    ;

pointerType
    : '*' type_
    ;

funcType
    : 'func' signature
    ;

signature
    : parameters result?
    ;

result
    : parameters
    | type_
    ;

parameters
    : '(' (parameterDecl (',' parameterDecl)* ','?)? ')'
    ;

// A name is optional: `(a, b int)` parses as [a] [b int]; the builder regroups as Go's parser does.
parameterDecl
    : IDENT? '...'? type_
    ;

interfaceType
    : 'interface' '{' (interfaceElem (';' interfaceElem)* ';'?)? '}'
    ;

interfaceElem
    : IDENT signature                   # interfaceMethod
    | typeElem ('|' typeElem)*          # interfaceEmbed
    ;

mapType
    : 'map' '[' type_ ']' type_
    ;

// `chan<- T` is listed first so `chan <-chan T` means `chan<- (chan T)`, as in Go.
chanType
    : 'chan' '<-' type_    # sendChan
    | 'chan' type_         # bothChan
    ;

recvChanType
    : '<-' 'chan' type_
    ;

// ---------------------------------------------------------------- statements

block
    : '{' stmtList '}'
    ;

stmtList
    : statement? (';' statement?)*
    ;

statement
    : declaration                       # declStmt
    | IDENT ':' statement?              # labeledStmt
    | simpleStmt                        # simpleStatement
    | 'go' expression                   # goStmt
    | 'defer' expression                # deferStmt
    | 'return' expressionList?          # returnStmt
    | 'break' IDENT?                    # breakStmt
    | 'continue' IDENT?                 # continueStmt
    | 'goto' IDENT                      # gotoStmt
    | 'fallthrough'                     # fallthroughStmt
    | block                             # blockStmt
    | ifStmt                            # ifStatement
    | switchStmt                        # switchStatement
    | selectStmt                        # selectStatement
    | forStmt                           # forStatement
    ;

simpleStmt
    : expressionList simpleTail?
    ;

simpleTail
    : '++'                              # incTail
    | '--'                              # decTail
    | '<-' expression                   # sendTail
    | assignOp expressionList           # assignTail
    ;

assignOp
    : '=' | ':=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^='
    ;

// Header forms: no composite literals of a named type at the top level; `range` allowed after
// `=`/`:=` (only meaningful in a for header; the builder rejects it elsewhere).
simpleStmtNL
    : expressionListNL simpleTailNL?
    ;

simpleTailNL
    : '++'                                      # incTailNL
    | '--'                                      # decTailNL
    | '<-' expressionNL                         # sendTailNL
    | assignOp ('range' expressionNL | expressionListNL)    # assignTailNL
    ;

// `if [init;] cond`, `switch [init;] [tag]`: the builder sorts out which part is which.
header
    : first=simpleStmtNL? (';' second=simpleStmtNL?)?
    ;

ifStmt
    : 'if' header block ('else' (ifStmt | block))?
    ;

switchStmt
    : 'switch' header '{' caseClause* '}'
    ;

caseClause
    : ('case' expressionList | 'default') ':' stmtList
    ;

selectStmt
    : 'select' '{' commClause* '}'
    ;

commClause
    : ('case' simpleStmt | 'default') ':' stmtList
    ;

forStmt
    : 'for' forHeader block
    ;

forHeader
    : 'range' expressionNL                                                          # forRangeBare
    | init=simpleStmtNL? (';' cond=simpleStmtNL? ';' post=simpleStmtNL?)?            # forGeneral
    ;

// ---------------------------------------------------------------- expressions

expressionList
    : expression (',' expression)*
    ;

expressionListNL
    : expressionNL (',' expressionNL)*
    ;

// A flat operand/operator sequence: precedence climbing happens in the builder, which keeps
// parse trees shallow for long operator chains.
expression
    : unaryExpr (binaryOp unaryExpr)*
    ;

expressionNL
    : unaryExprNL (binaryOp unaryExprNL)*
    ;

binaryOp
    : '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '|' | '^'
    | '*' | '/' | '%' | '<<' | '>>' | '&' | '&^'
    ;

unaryExpr
    : unaryOp unaryExpr
    | primaryExpr
    ;

unaryExprNL
    : unaryOp unaryExprNL
    | primaryExprNL
    ;

unaryOp
    : '+' | '-' | '!' | '^' | '*' | '&' | '<-'
    ;

primaryExpr
    : operand suffix*
    ;

// In headers a literal value may follow a type literal (`range []int{1, 2}`) but not a name.
primaryExprNL
    : (basicOperand | typeOperand literalValue?) suffixNL*
    ;

operand
    : basicOperand
    | typeOperand
    ;

basicOperand
    : INT_LIT                           # intOperand
    | FLOAT_LIT                         # floatOperand
    | IMAG_LIT                          # imagOperand
    | RUNE_LIT                          # runeOperand
    | (STRING_LIT | RAW_STRING_LIT)     # stringOperand
    | IDENT                             # nameOperand
    | '(' expression ')'                # parenOperand
    | 'func' signature block?           # funcOperand
    ;

// Type literals that may start an expression (conversions, composite literals, make/new).
typeOperand
    : arrayType                         # arrayOperand
    | structType                        # structOperand
    | mapType                           # mapOperand
    | chanType                          # chanOperand
    | interfaceType                     # interfaceOperand
    ;

suffix
    : selector
    | typeAssertion
    | indexOrSlice
    | arguments
    | literalValue
    ;

suffixNL
    : selector
    | typeAssertion
    | indexOrSlice
    | arguments
    ;

selector
    : '.' IDENT
    ;

// x.(T), or x.(type) in a type switch header.
typeAssertion
    : '.' '(' (type_ | 'type') ')'
    ;

// x[i], x[lo:hi], x[lo:hi:max]
indexOrSlice
    : '[' lo=expression? (c1=':' hi=expression? (c2=':' max=expression?)?)? ','? ']'
    ;

arguments
    : '(' (expressionList '...'? ','?)? ')'
    ;

literalValue
    : '{' (element (',' element)* ','?)? '}'
    ;

element
    : elementValue (':' elementValue)?
    ;

elementValue
    : expression
    | literalValue
    ;
