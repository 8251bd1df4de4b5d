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
    : 'func' receiver=parameters? IDENT typeParams? declSignature block?
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
    : IDENT
    | QUAL_IDENT
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

// The same as signature, for declarations and interface methods only: its small follow set keeps
// the optional result cheap to predict (a shared rule's follow is every expression context).
declSignature
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
    : IDENT declSignature               # interfaceMethod
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

// Unlabelled on purpose (as are the expression rules): a labelled alternative costs ANTLR a second
// context allocation; the builder dispatches on the first child instead.
statement
    : declaration
    | IDENT ':' statement?
    | simpleStmt
    | 'go' expression
    | 'defer' expression
    | 'return' expressionList?
    | 'break' IDENT?
    | 'continue' IDENT?
    | 'goto' IDENT
    | 'fallthrough'
    | block
    | ifStmt
    | switchStmt
    | selectStmt
    | forStmt
    ;

simpleStmt
    : expressionList ('++' | '--' | '<-' expression | assignOp expressionList)?
    ;

assignOp
    : '=' | ':=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^='
    ;

// Header forms: no composite literals of a named type at the top level; `range` allowed after
// `=`/`:=` (only meaningful in a for header; the builder rejects it elsewhere).
simpleStmtNL
    : expressionListNL ('++' | '--' | '<-' expressionNL | assignOp ('range' expressionNL | expressionListNL))?
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
// parse trees shallow for long operator chains. Prefix operators are a loop for the same reason.
expression
    : unaryExpr (('||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '|' | '^'
        | '*' | '/' | '%' | '<<' | '>>' | '&' | '&^') unaryExpr)*
    ;

expressionNL
    : unaryExprNL (('||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '|' | '^'
        | '*' | '/' | '%' | '<<' | '>>' | '&' | '&^') unaryExprNL)*
    ;

unaryExpr
    : ('+' | '-' | '!' | '^' | '*' | '&' | '<-')* (operand | typeOperand) suffix*
    ;

// In headers a literal value may follow a type literal (`range []int{1, 2}`) but not a name.
unaryExprNL
    : ('+' | '-' | '!' | '^' | '*' | '&' | '<-')* (operand | typeOperand literalValue?) suffixNL*
    ;

operand
    : INT_LIT
    | FLOAT_LIT
    | IMAG_LIT
    | RUNE_LIT
    | STRING_LIT
    | RAW_STRING_LIT
    | IDENT
    | QUAL_IDENT
    | '(' expression ')'
    | 'func' signature block?
    ;

// Type literals that may start an expression (conversions, composite literals, make/new).
typeOperand
    : arrayType
    | structType
    | mapType
    | chanType
    | interfaceType
    ;

// Selector, type assertion (or `.(type)` in a type switch header), index or slice, call, literal.
suffix
    : '.' IDENT
    | '.' '(' (type_ | 'type') ')'
    | '[' expression? (':' expression? (':' expression?)?)? ','? ']'
    | '(' (expressionList '...'? ','?)? ')'
    | literalValue
    ;

suffixNL
    : '.' IDENT
    | '.' '(' (type_ | 'type') ')'
    | '[' expression? (':' expression? (':' expression?)?)? ','? ']'
    | '(' (expressionList '...'? ','?)? ')'
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
