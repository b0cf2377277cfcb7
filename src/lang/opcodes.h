/*
 * opcodes.h - the one list of loopscope's bytecode instructions.
 *
 * Used as an X-macro: the enum (proto.h), the disassembler and the VM's
 * dispatch table all expand OPCODE(name, stack_effect_hint) from here, so
 * there is nothing to keep in sync by hand.
 *
 * Encoding: every instruction is one uint32_t, opcode in the low 8 bits and
 * a 24-bit unsigned argument above it (INSTR_OP / INSTR_ARG in proto.h).
 * Jump arguments are absolute instruction indices into the same code array.
 *
 * The model is CPython 3.12's stack machine, simplified. Stack pictures read
 * bottom -> top, "TOS" is the top. Where an instruction is not described,
 * it does what the CPython 3.12 instruction of the same name does.
 *
 * Exception handling uses a per-frame block stack (not CPython's exception
 * table): SETUP_FINALLY/SETUP_CLEANUP push a handler block that records the
 * handler address and the stack depth at the time of the push. When an
 * exception is raised in a frame whose block stack is not empty, the VM pops
 * the innermost block, truncates the value stack to the recorded depth,
 * pushes the exception instance and jumps to the handler. A frame's
 * "handled exception" (what a bare `raise` re-raises, and what becomes
 * __context__ of a new exception) is managed with PUSH_EXC_INFO/POP_EXCEPT;
 * the VM restores it when a frame returns or suspends.
 *
 * Shapes the compiler emits (d = stack depth at the SETUP):
 *   try body:    SETUP_FINALLY H ... POP_BLOCK
 *   H:           [.. exc]              (d+1)
 *                SETUP_CLEANUP C       records d+1, BEFORE PUSH_EXC_INFO
 *                PUSH_EXC_INFO         [.. prev exc]
 *                LOAD E; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
 *                STORE e | POP_TOP     [.. prev]
 *                ...handler body...; POP_BLOCK; POP_EXCEPT; JUMP end
 *                next: RERAISE         (unmatched)
 *   C:           [.. prev exc2]        (truncated to d+1 = prev kept)
 *                COPY 2; POP_EXCEPT; RERAISE
 *   finally bodies are inlined on every exit path (normal, exception,
 *   return/break/continue); the exceptional copy is a handler like H that
 *   ends in RERAISE. A frame's exc info is therefore only changed by
 *   PUSH_EXC_INFO/POP_EXCEPT, never by unwinding.
 *   for:         GET_ITER; L: FOR_ITER end; STORE x; body; JUMP L; end:
 *   async for:   GET_AITER; L: SETUP_FINALLY H; GET_ANEXT; AWAIT; POP_BLOCK;
 *                STORE x; body; JUMP L; H: END_ASYNC_FOR
 *   with:        BEFORE_WITH; SETUP_WITH H; STORE/POP_TOP; body; POP_BLOCK;
 *                PUSH_NULL; LOAD_CONST None x3; CALL 3; POP_TOP
 *                H: [exit exc] SETUP_CLEANUP C; PUSH_EXC_INFO; WITH_EXCEPT_START;
 *                POP_JUMP_IF_TRUE S; RERAISE; S: POP_TOP; POP_BLOCK;
 *                POP_EXCEPT; POP_TOP
 *   comprehension: MAKE_FUNCTION; PUSH_NULL; <iter>; GET_ITER; CALL 1
 *                (+ GET_AWAITABLE; AWAIT when the comprehension is async)
 *   class:       LOAD_BUILD_CLASS; PUSH_NULL; MAKE_FUNCTION body; LOAD_CONST
 *                name; bases; [KW_NAMES]; CALL n
 *   decorators:  LOAD d; PUSH_NULL; ...function...; CALL 1
 *   import a.b:  IMPORT_NAME 'a.b'; STORE a
 *   import a.b as c: IMPORT_NAME 'a.b'|IMPORT_LEAF; STORE c
 *   from a.b import x, y: IMPORT_NAME 'a.b'|IMPORT_LEAF; IMPORT_FROM x;
 *                STORE x; IMPORT_FROM y; STORE y; POP_TOP
 */

/* ---- stack ------------------------------------------------------------ */
OPCODE(NOP, 0)
OPCODE(POP_TOP, -1)           /* a -> */
OPCODE(COPY, 1)               /* arg n>=1: push a copy of the n-th item (1 = TOS) */
OPCODE(SWAP, 0)               /* arg n>=2: swap TOS with the n-th item */

/* ---- constants and names ---------------------------------------------- */
OPCODE(LOAD_CONST, 1)         /* arg: index into consts */
OPCODE(LOAD_FAST, 1)          /* arg: local slot; UnboundLocalError if unset:
                                 "cannot access local variable 'x' where it is
                                 not associated with a value" */
OPCODE(STORE_FAST, -1)
OPCODE(DELETE_FAST, 0)        /* UnboundLocalError as LOAD_FAST if unset */
OPCODE(LOAD_DEREF, 1)         /* arg: cell index; cells are [cellvars..., freevars...].
                                 Unset cell: NameError "cannot access free variable
                                 'x' where it is not associated with a value in
                                 enclosing scope" (freevar) or UnboundLocalError (cellvar) */
OPCODE(STORE_DEREF, -1)
OPCODE(DELETE_DEREF, 0)
OPCODE(LOAD_CLOSURE, 1)       /* arg: cell index; pushes the cell object itself
                                 (for building a closure tuple) */
OPCODE(LOAD_GLOBAL, 1)        /* arg: names index; globals, then builtins;
                                 NameError "name 'x' is not defined" */
OPCODE(STORE_GLOBAL, -1)
OPCODE(DELETE_GLOBAL, 0)
OPCODE(LOAD_NAME, 1)          /* class bodies: frame namespace, globals, builtins */
OPCODE(STORE_NAME, -1)
OPCODE(DELETE_NAME, 0)
OPCODE(LOAD_CLASSDEREF, 1)    /* class body reading a free variable: namespace, then cell */

/* ---- attributes and items --------------------------------------------- */
OPCODE(LOAD_ATTR, 0)          /* arg: names index.  obj -> obj.name */
OPCODE(STORE_ATTR, -2)        /* value obj -> ; obj.name = value */
OPCODE(DELETE_ATTR, -1)       /* obj -> */
OPCODE(LOAD_METHOD, 1)        /* arg: names index.  obj -> meth self_or_NULL
                                 (VM-internal pair consumed by CALL: when the
                                 attribute is a plain function found on the type,
                                 pushes (function, obj); otherwise (attr, NULL)) */
OPCODE(BINARY_SUBSCR, -1)     /* container key -> container[key] */
OPCODE(STORE_SUBSCR, -3)      /* value container key -> */
OPCODE(DELETE_SUBSCR, -2)     /* container key -> */
OPCODE(BUILD_SLICE, -1)       /* arg 2: start stop -> slice; arg 3: start stop step -> slice */

/* ---- operators -------------------------------------------------------- */
OPCODE(UNARY_NEGATIVE, 0)
OPCODE(UNARY_POSITIVE, 0)
OPCODE(UNARY_NOT, 0)
OPCODE(UNARY_INVERT, 0)
OPCODE(BINARY_OP, -1)         /* arg: BinOpKind (proto.h), | BINOP_INPLACE for
                                 augmented assignment.  a b -> a op b */
OPCODE(COMPARE_OP, -1)        /* arg: CmpKind (proto.h).  a b -> result.
                                 Covers < <= == != > >= in, not in, is, is not */

/* ---- control flow ----------------------------------------------------- */
OPCODE(JUMP, 0)               /* arg: target.  Backward jumps are where the VM
                                 checks its step budget and may collect garbage */
OPCODE(POP_JUMP_IF_FALSE, -1)
OPCODE(POP_JUMP_IF_TRUE, -1)
OPCODE(POP_JUMP_IF_NONE, -1)
OPCODE(POP_JUMP_IF_NOT_NONE, -1)
OPCODE(JUMP_IF_FALSE_OR_POP, 0)  /* `and`: if TOS is falsy jump keeping it, else pop */
OPCODE(JUMP_IF_TRUE_OR_POP, 0)   /* `or` */
OPCODE(GET_ITER, 0)           /* iterable -> iterator */
OPCODE(FOR_ITER, 1)           /* arg: target.  iter -> iter next; on exhaustion
                                 pops iter and jumps to target */
OPCODE(RETURN_VALUE, -1)      /* leftover stack items below the value are allowed */
OPCODE(RETURN_CONST, 0)       /* arg: consts index */

/* ---- building --------------------------------------------------------- */
OPCODE(BUILD_TUPLE, 0)        /* arg n: n items -> tuple */
OPCODE(BUILD_LIST, 0)
OPCODE(BUILD_SET, 0)
OPCODE(BUILD_MAP, 0)          /* arg n: k1 v1 ... kn vn -> dict */
OPCODE(BUILD_CONST_KEY_MAP, 0)/* arg n: v1 ... vn keys_tuple -> dict */
OPCODE(BUILD_STRING, 0)       /* arg n: n str -> concatenation (f-strings) */
OPCODE(LIST_APPEND, -1)       /* arg i: item -> ; list at position i (1 = TOS after pop) */
OPCODE(SET_ADD, -1)
OPCODE(MAP_ADD, -2)           /* arg i: key value -> */
OPCODE(LIST_EXTEND, -1)       /* arg i: iterable -> ; list at i extended */
OPCODE(SET_UPDATE, -1)
OPCODE(DICT_UPDATE, -1)       /* dict literal {**m}: arg i: mapping -> */
OPCODE(DICT_MERGE, -1)        /* call f(**m): like DICT_UPDATE but TypeError on a
                                 repeated key: "f() got multiple values for keyword
                                 argument 'k'" */
OPCODE(LIST_TO_TUPLE, 0)
OPCODE(FORMAT_VALUE, 0)       /* arg: FMT_CONV_* | FMT_HAVE_SPEC.
                                 value [spec] -> str */
OPCODE(UNPACK_SEQUENCE, 0)    /* arg n: seq -> item_n-1 ... item_0 (item_0 on top) */
OPCODE(UNPACK_EX, 0)          /* arg: before | (after << 8): seq -> after-items, list, before-items */

/* ---- calls and functions ---------------------------------------------- */
OPCODE(PUSH_NULL, 1)          /* pushes the NULL marker used by CALL */
OPCODE(CALL, 0)               /* arg n: callable self_or_NULL a1..an -> result.
                                 A plain call f(x) is LOAD f; PUSH_NULL; LOAD x;
                                 CALL 1.  A method call obj.m(x) is LOAD obj;
                                 LOAD_METHOD m; LOAD x; CALL 1. */
OPCODE(KW_NAMES, 0)           /* arg: consts index of a tuple of str; applies to
                                 the next CALL: the last len(names) arguments are
                                 keyword arguments with these names */
OPCODE(CALL_FUNCTION_EX, 0)   /* arg 0/1: callable NULL args [kwargs_dict] -> result.
                                 args is a tuple, except for f(*x) alone where it
                                 is x itself: a non-tuple is converted, TypeError
                                 "f() argument after * must be an iterable, not T".
                                 kwargs is always a fresh dict (DICT_MERGE built) */
OPCODE(MAKE_FUNCTION, 0)      /* arg: MKFN_* flags.
                                 [defaults_tuple] [kwdefaults_dict] [closure_tuple] code -> func */
OPCODE(LOAD_BUILD_CLASS, 1)   /* pushes builtins.__build_class__ */
OPCODE(IMPORT_NAME, 1)        /* arg: names index of the (dotted) module name,
                                 | IMPORT_LEAF (proto.h) to get the named module
                                 itself (`from a.b import c`, `import a.b as c`);
                                 without it -> the top-level package (`import a.b`
                                 binds a) */
OPCODE(IMPORT_FROM, 1)        /* arg: names index.  module -> module name
                                 (ImportError "cannot import name 'x' from 'm'") */
OPCODE(IMPORT_STAR, -1)       /* module -> ; (rejected by the compiler for now) */

/* ---- exceptions ------------------------------------------------------- */
OPCODE(SETUP_FINALLY, 0)      /* arg: handler.  Push a handler block (try body) */
OPCODE(SETUP_CLEANUP, 0)      /* arg: handler.  Push a handler block for the
                                 handler itself (restores the handled exception
                                 and re-raises) */
OPCODE(SETUP_WITH, 0)         /* arg: handler.  Same block kind, for with-bodies,
                                 but the recorded depth EXCLUDES TOS: it follows
                                 BEFORE_WITH (or BEFORE_ASYNC_WITH; GET_AWAITABLE;
                                 AWAIT) while enter's result is on top, so the
                                 handler runs with [.. exit exc] (CPython 3.10's
                                 SETUP_WITH block depth) */
OPCODE(POP_BLOCK, 0)
OPCODE(PUSH_EXC_INFO, 1)      /* exc -> prev_handled exc ; frame's handled = exc */
OPCODE(POP_EXCEPT, -1)        /* prev_handled -> ; frame's handled = prev_handled */
OPCODE(CHECK_EXC_MATCH, 0)    /* exc type -> exc bool  (type may be a tuple;
                                 TypeError "catching classes that do not inherit
                                 from BaseException is not allowed") */
OPCODE(CHECK_EG_MATCH, 0)     /* except*: eg type -> rest match (match None if no match) */
OPCODE(PREP_RERAISE_STAR, -1) /* orig list_of_raised -> exc_or_None */
OPCODE(RAISE_VARARGS, 0)      /* arg 0: re-raise handled ("RuntimeError: No active
                                 exception to reraise"); 1: exc ->; 2: exc cause -> */
OPCODE(RERAISE, -1)           /* exc -> ; raise again keeping its traceback */
OPCODE(LOAD_ASSERTION_ERROR, 1)
OPCODE(BEFORE_WITH, 1)        /* mgr -> bound_exit enter_result
                                 (TypeError "'X' object does not support the
                                 context manager protocol") */
OPCODE(WITH_EXCEPT_START, 1)  /* exit prev exc -> exit prev exc result
                                 (calls exit(type(exc), exc, exc.__traceback__)) */

/* ---- generators and coroutines ---------------------------------------- */
OPCODE(RETURN_GENERATOR, 0)   /* first instruction of generator/coroutine code:
                                 the VM creates the generator object around the
                                 frame and returns it to the caller */
OPCODE(YIELD_VALUE, 0)        /* value -> sent ; suspends the generator frame */
OPCODE(YIELD_FROM, 0)         /* iterable -> return_value ; delegates (yield from) */
OPCODE(GET_AWAITABLE, 0)      /* obj -> awaitable; TypeError "object X can't be
                                 used in 'await' expression" */
OPCODE(AWAIT, 0)              /* awaitable -> result.  Delegates to the awaitable:
                                 a coroutine's frame is pushed on the running
                                 chain; a future yields itself to the task. The
                                 whole chain parks on the heap while others run */
OPCODE(GET_AITER, 0)          /* obj -> async_iterator */
OPCODE(GET_ANEXT, 1)          /* aiter -> aiter awaitable */
OPCODE(END_ASYNC_FOR, -1)     /* handler target of async for: aiter exc -> ;
                                 StopAsyncIteration ends the loop, else re-raise */
OPCODE(BEFORE_ASYNC_WITH, 1)  /* mgr -> bound_aexit aenter_awaitable */
