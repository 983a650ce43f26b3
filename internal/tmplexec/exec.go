// Package tmplexec executes html/template templates faster than
// html/template does, giving the same bytes.
//
// html/template rewrites each template once, on its first execution, so
// that every action ends in the escaper its context needs; text/template
// then executes that tree, calling every escaper and function through
// reflection, which costs about a microsecond an action. A Program is made
// from the rewritten tree. It calls the escapers directly (its own, which
// give html/template's output), calls functions of the common shapes
// without reflection, and remembers how each field of each type is found.
//
// It handles the part of the template language that layouts use (text,
// actions, if, with, range over slices, variables, template calls, fields,
// methods, functions and the builtins and, or, not, eq, ne, lt, le, gt,
// ge, len, print and printf) and values whose printing it knows. Compile
// refuses a template that uses anything else, and Execute returns an
// error for a value it does not handle; the caller then executes the page
// with html/template, which also gives every error its message. So the
// output never depends on which one ran.
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"text/template/parse"
)

// errFallback is what every error of Execute wraps: html/template must
// execute the page, for a value or a failure this package does not
// reproduce.
var errFallback = errors.New("tmplexec: execute with html/template")

// A Program executes one escaped template and the templates it calls.
// It is safe for use by many goroutines at once.
type Program struct {
	root  *tree
	funcs map[string]*function
	// accesses remembers how each name is found on each type
	// (accessKey → access).
	accesses sync.Map
}

// tree is one compiled template.
type tree struct {
	name string
	root *parse.ListNode
	// calls holds the templates that {{template}} actions name.
	calls map[string]*tree
}

// Compile makes a Program from t, which html/template must already have
// escaped (executed at least once without error), with the functions the
// template was parsed with. It fails, and the caller keeps using
// html/template, when the template uses anything this package does not
// handle.
func Compile(t *template.Template, funcs template.FuncMap) (*Program, error) {
	c := &compiler{set: t, trees: map[string]*tree{}, p: &Program{funcs: map[string]*function{}}}
	for name, f := range funcs {
		v := reflect.ValueOf(f)
		if v.Kind() != reflect.Func || !goodResults(v.Type()) {
			return nil, fmt.Errorf("tmplexec: function %s has an unusual shape", name)
		}
		c.p.funcs[name] = newFunction(v)
	}
	root, err := c.tree(t.Name())
	if err != nil {
		return nil, err
	}
	c.p.root = root
	return c.p, nil
}

// compiler checks every node of the templates a Program may run.
type compiler struct {
	set   *template.Template
	trees map[string]*tree
	p     *Program
}

func (c *compiler) tree(name string) (*tree, error) {
	if t, ok := c.trees[name]; ok {
		return t, nil
	}
	ht := c.set.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		return nil, fmt.Errorf("tmplexec: template %q is not defined (or was renamed by escaping)", name)
	}
	t := &tree{name: name, root: ht.Tree.Root, calls: map[string]*tree{}}
	c.trees[name] = t // before the body, for templates that call themselves
	if err := c.list(t, t.root); err != nil {
		return nil, err
	}
	return t, nil
}

func (c *compiler) list(t *tree, l *parse.ListNode) error {
	if l == nil {
		return nil
	}
	for _, n := range l.Nodes {
		if err := c.node(t, n); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) node(t *tree, n parse.Node) error {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode:
		return nil
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			// Printed: html/template ends it in an escaper, whose string
			// output is written as it is.
			last := n.Pipe.Cmds[len(n.Pipe.Cmds)-1]
			id, ok := last.Args[0].(*parse.IdentifierNode)
			if !ok || escapers[id.Ident] == nil {
				return fmt.Errorf("tmplexec: %s: action %s does not end in a known escaper", t.name, n)
			}
		}
		return c.pipe(t, n.Pipe)
	case *parse.IfNode:
		return c.branch(t, &n.BranchNode)
	case *parse.WithNode:
		return c.branch(t, &n.BranchNode)
	case *parse.RangeNode:
		if len(n.Pipe.Decl) > 2 {
			return fmt.Errorf("tmplexec: %s: range declares too many variables", t.name)
		}
		return c.branch(t, &n.BranchNode)
	case *parse.TemplateNode:
		if _, ok := t.calls[n.Name]; !ok {
			callee, err := c.tree(n.Name)
			if err != nil {
				return err
			}
			t.calls[n.Name] = callee
		}
		if n.Pipe == nil {
			return nil
		}
		return c.pipe(t, n.Pipe)
	}
	return fmt.Errorf("tmplexec: %s: %s is not handled", t.name, n)
}

func (c *compiler) branch(t *tree, b *parse.BranchNode) error {
	if err := c.pipe(t, b.Pipe); err != nil {
		return err
	}
	if err := c.list(t, b.List); err != nil {
		return err
	}
	return c.list(t, b.ElseList)
}

func (c *compiler) pipe(t *tree, p *parse.PipeNode) error {
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			if err := c.arg(t, a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *compiler) arg(t *tree, n parse.Node) error {
	switch n := n.(type) {
	case *parse.DotNode, *parse.FieldNode, *parse.VariableNode, *parse.StringNode, *parse.BoolNode:
		return nil
	case *parse.NumberNode:
		if !n.IsInt || strings.ContainsAny(n.Text, ".eEpPxX'_") || int64(int(n.Int64)) != n.Int64 {
			return fmt.Errorf("tmplexec: %s: number %s is not handled", t.name, n.Text)
		}
		return nil
	case *parse.PipeNode:
		return c.pipe(t, n)
	case *parse.IdentifierNode:
		if escapers[n.Ident] != nil || builtins[n.Ident] {
			return nil
		}
		if _, ok := c.p.funcs[n.Ident]; ok {
			return nil
		}
		return fmt.Errorf("tmplexec: %s: function %s is not handled", t.name, n.Ident)
	}
	return fmt.Errorf("tmplexec: %s: %s is not handled", t.name, n)
}

// builtins are the text/template functions a Program evaluates itself.
var builtins = map[string]bool{"and": true, "or": true, "not": true, "eq": true, "ne": true,
	"lt": true, "le": true, "gt": true, "ge": true, "len": true, "print": true, "printf": true}

// Execute runs the program with data, writing to w. Any error means that
// html/template must execute the template instead; w may then hold part
// of the output, which the caller discards.
func (p *Program) Execute(w *bytes.Buffer, data any) (err error) {
	s := &state{p: p, w: w}
	defer func() {
		switch r := recover().(type) {
		case nil:
		case fallback:
			err = r.err
		default:
			// A function or method of the template panicked: html/template
			// reports that as an error calling it, so it must run the page.
			err = fmt.Errorf("%w: panic: %v", errFallback, r)
		}
	}()
	dot := reflect.ValueOf(data)
	s.vars = append(s.vars, variable{"$", dot})
	s.walk(dot, p.root, p.root.root)
	return nil
}

// fallback carries the reason a Program stopped, through a panic, out of
// the recursion to Execute.
type fallback struct{ err error }

func stop(err error) {
	if err == nil {
		err = errFallback
	}
	panic(fallback{fmt.Errorf("%w: %v", errFallback, err)})
}

type variable struct {
	name  string
	value reflect.Value
}

// state is one execution of a Program.
type state struct {
	p     *Program
	w     *bytes.Buffer
	vars  []variable
	depth int // of template calls
}

// maxDepth bounds template calls within template calls, as text/template
// bounds them, so that a template that calls itself forever fails.
const maxDepth = 10000

func (s *state) walk(dot reflect.Value, t *tree, l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			s.w.Write(n.Text)
		case *parse.CommentNode:
		case *parse.ActionNode:
			v := s.pipe(dot, n.Pipe)
			if len(n.Pipe.Decl) == 0 {
				s.w.WriteString(v.String()) // the escaper's output
			}
		case *parse.IfNode:
			s.branch(dot, t, &n.BranchNode, false)
		case *parse.WithNode:
			s.branch(dot, t, &n.BranchNode, true)
		case *parse.RangeNode:
			s.walkRange(dot, t, n)
		case *parse.TemplateNode:
			callee := t.calls[n.Name]
			var d reflect.Value
			if n.Pipe != nil {
				d = s.pipe(dot, n.Pipe)
			}
			if s.depth >= maxDepth {
				stop(errors.New("templates call each other too deeply"))
			}
			inner := &state{p: s.p, w: s.w, vars: []variable{{"$", d}}, depth: s.depth + 1}
			inner.walk(d, callee, callee.root)
		default:
			stop(fmt.Errorf("node %s", n))
		}
	}
}

func (s *state) branch(dot reflect.Value, t *tree, b *parse.BranchNode, with bool) {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v := s.pipe(dot, b.Pipe)
	if truth(concrete(v)) {
		if with {
			dot = v
		}
		s.walk(dot, t, b.List)
	} else if b.ElseList != nil {
		s.walk(dot, t, b.ElseList)
	}
}

func (s *state) walkRange(dot reflect.Value, t *tree, r *parse.RangeNode) {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, isNil := indirect(s.pipe(dot, r.Pipe))
	if isNil {
		stop(errors.New("range over nil"))
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
	case reflect.Invalid:
	default:
		stop(fmt.Errorf("range over %s", v.Kind()))
	}
	if !v.IsValid() || v.Len() == 0 {
		if r.ElseList != nil {
			s.walk(dot, t, r.ElseList)
		}
		return
	}
	inner := len(s.vars)
	for i := 0; i < v.Len(); i++ {
		elem := v.Index(i)
		// The pipeline's declarations were pushed with the slice as their
		// value; each iteration sets them, as text/template does.
		if len(r.Pipe.Decl) > 0 {
			if r.Pipe.IsAssign {
				if len(r.Pipe.Decl) > 1 {
					s.setVar(r.Pipe.Decl[0].Ident[0], reflect.ValueOf(i))
					s.setVar(r.Pipe.Decl[1].Ident[0], elem)
				} else {
					s.setVar(r.Pipe.Decl[0].Ident[0], elem)
				}
			} else {
				s.vars[inner-1].value = elem
				if len(r.Pipe.Decl) > 1 {
					s.vars[inner-2].value = reflect.ValueOf(i)
				}
			}
		}
		s.walk(elem, t, r.List)
		s.vars = s.vars[:inner]
	}
}

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	stop(fmt.Errorf("undefined variable %s", name))
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	stop(fmt.Errorf("undefined variable %s", name))
	return reflect.Value{}
}

// pipe evaluates a pipeline and declares or assigns its variables.
func (s *state) pipe(dot reflect.Value, p *parse.PipeNode) reflect.Value {
	var v reflect.Value
	final := false
	for _, cmd := range p.Cmds {
		v = s.command(dot, cmd, v, final)
		final = true
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = reflect.ValueOf(v.Interface()) // the value an empty interface holds
		}
	}
	for _, d := range p.Decl {
		if p.IsAssign {
			s.setVar(d.Ident[0], v)
		} else {
			s.vars = append(s.vars, variable{d.Ident[0], v})
		}
	}
	return v
}

// command evaluates one command of a pipeline; hasFinal says whether
// final, the value of the command before, is its last argument.
func (s *state) command(dot reflect.Value, cmd *parse.CommandNode, final reflect.Value, hasFinal bool) reflect.Value {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return s.fieldChain(dot, dot, n.Ident, cmd.Args, final, hasFinal)
	case *parse.VariableNode:
		v := s.varValue(n.Ident[0])
		if len(n.Ident) == 1 {
			noArgs(cmd, hasFinal)
			return v
		}
		return s.fieldChain(dot, v, n.Ident[1:], cmd.Args, final, hasFinal)
	case *parse.IdentifierNode:
		return s.call(dot, n.Ident, cmd.Args[1:], final, hasFinal)
	case *parse.PipeNode:
		noArgs(cmd, hasFinal)
		return s.pipe(dot, n)
	}
	noArgs(cmd, hasFinal)
	return s.constant(dot, cmd.Args[0])
}

func noArgs(cmd *parse.CommandNode, hasFinal bool) {
	if len(cmd.Args) > 1 || hasFinal {
		stop(fmt.Errorf("%s is not a function", cmd.Args[0]))
	}
}

// constant evaluates a word that is not a function, as an argument of
// unknown type: a string, a bool, an int or dot.
func (s *state) constant(dot reflect.Value, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.NumberNode:
		return reflect.ValueOf(int(n.Int64))
	}
	stop(fmt.Errorf("constant %s", n))
	return reflect.Value{}
}

// arg evaluates an argument of a function or method.
func (s *state) arg(dot reflect.Value, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.FieldNode:
		return s.fieldChain(dot, dot, n.Ident, nil, reflect.Value{}, false)
	case *parse.VariableNode:
		v := s.varValue(n.Ident[0])
		if len(n.Ident) == 1 {
			return v
		}
		return s.fieldChain(dot, v, n.Ident[1:], nil, reflect.Value{}, false)
	case *parse.PipeNode:
		return s.pipe(dot, n)
	case *parse.IdentifierNode:
		return s.call(dot, n.Ident, nil, reflect.Value{}, false)
	}
	return s.constant(dot, n)
}

// fieldChain evaluates .A.B.C from receiver; the last may be a method
// with arguments (args[1:]) and the final value.
func (s *state) fieldChain(dot, receiver reflect.Value, ident []string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	for _, name := range ident[:len(ident)-1] {
		receiver = s.field(dot, receiver, name, nil, reflect.Value{}, false)
	}
	return s.field(dot, receiver, ident[len(ident)-1], args, final, hasFinal)
}

// field finds name on receiver as text/template does: a method of the
// value or of its address, a struct field, or a map key. Anything that
// would be an error there, or a missing key, falls back.
func (s *state) field(dot, receiver reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	if !receiver.IsValid() {
		stop(fmt.Errorf("field %s of nothing", name))
	}
	receiver, isNil := indirect(receiver)
	if isNil {
		stop(fmt.Errorf("field %s of nil", name))
	}
	how := s.p.lookup(receiver.Type(), name)
	if how.method >= 0 {
		return s.callMethod(dot, receiver.Method(how.method), name, args, final, hasFinal)
	}
	if how.ptrMethod >= 0 {
		if !receiver.CanAddr() {
			stop(fmt.Errorf("method %s needs an address", name))
		}
		return s.callMethod(dot, receiver.Addr().Method(how.ptrMethod), name, args, final, hasFinal)
	}
	if len(args) > 1 || hasFinal {
		stop(fmt.Errorf("%s has arguments but is not a method", name))
	}
	switch receiver.Kind() {
	case reflect.Struct:
		if how.field == nil {
			break
		}
		f, err := receiver.FieldByIndexErr(how.field)
		if err != nil {
			stop(err)
		}
		return f
	case reflect.Map:
		if receiver.Type().Key() != stringType {
			break
		}
		v := receiver.MapIndex(reflect.ValueOf(name))
		if !v.IsValid() {
			stop(fmt.Errorf("no key %s", name))
		}
		return v
	}
	stop(fmt.Errorf("can't evaluate field %s in %s", name, receiver.Type()))
	return reflect.Value{}
}

// access is how a name is found on a type: the index of a method of the
// type or of its pointer (-1 when neither), else the index of an exported
// struct field (nil when none).
type access struct {
	method, ptrMethod int
	field             []int
}

type accessKey struct {
	t    reflect.Type
	name string
}

// lookup finds how name is found on type t, once per program.
func (p *Program) lookup(t reflect.Type, name string) access {
	k := accessKey{t, name}
	if a, ok := p.accesses.Load(k); ok {
		return a.(access)
	}
	a := access{method: -1, ptrMethod: -1}
	if m, ok := t.MethodByName(name); ok {
		a.method = m.Index
	} else if t.Kind() != reflect.Interface {
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			a.ptrMethod = m.Index
		}
	}
	if t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName(name); ok && f.IsExported() {
			a.field = f.Index
		}
	}
	p.accesses.Store(k, a)
	return a
}

func (s *state) callMethod(dot, m reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	if len(args) > 0 {
		args = args[1:] // args[0] names the method
	}
	return s.invoke(dot, name, m, nil, args, final, hasFinal)
}

// call evaluates a function, builtin or escaper named name.
func (s *state) call(dot reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	if esc := escapers[name]; esc != nil {
		if len(args) != 0 || !hasFinal {
			stop(fmt.Errorf("escaper %s called directly", name))
		}
		out, err := esc(final)
		if err != nil {
			stop(err)
		}
		return reflect.ValueOf(out)
	}
	if builtins[name] {
		return s.builtin(dot, name, args, final, hasFinal)
	}
	f := s.p.funcs[name]
	return s.invoke(dot, name, f.v, f.str, args, final, hasFinal)
}

// function is a Go function a template calls, with a direct path for the
// common shape func(string) string.
type function struct {
	v   reflect.Value
	str func(string) string
}

func newFunction(v reflect.Value) *function {
	f := &function{v: v}
	f.str, _ = v.Interface().(func(string) string)
	return f
}

// goodResults reports whether a function returns one value, or a value
// and an error, as text/template requires.
func goodResults(t reflect.Type) bool {
	switch t.NumOut() {
	case 1:
		return true
	case 2:
		return t.Out(1) == errorType
	}
	return false
}

var errorType = reflect.TypeFor[error]()

// invoke calls the function fn (str when it has that shape) with the
// arguments, and final last when hasFinal, converted as text/template
// converts them.
func (s *state) invoke(dot reflect.Value, name string, fn reflect.Value, str func(string) string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	if str != nil {
		if len(args)+btoi(hasFinal) != 1 {
			stop(fmt.Errorf("wrong number of arguments for %s", name))
		}
		v := final
		if !hasFinal {
			v = s.typedArg(dot, stringType, args[0])
		}
		return reflect.ValueOf(str(assign(v, stringType).String()))
	}
	t := fn.Type()
	n := len(args) + btoi(hasFinal)
	fixed := t.NumIn()
	if t.IsVariadic() {
		fixed--
	}
	if !t.IsVariadic() && n != fixed || n < fixed || !goodResults(t) {
		stop(fmt.Errorf("wrong number of arguments or results for %s", name))
	}
	argv := make([]reflect.Value, n)
	for i := range n {
		var pt reflect.Type
		if i < fixed {
			pt = t.In(i)
		} else {
			pt = t.In(fixed).Elem()
		}
		if i < len(args) {
			argv[i] = assign(s.typedArg(dot, pt, args[i]), pt)
		} else {
			argv[i] = assign(final, pt)
		}
	}
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		stop(out[1].Interface().(error))
	}
	return out[0]
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// typedArg evaluates an argument for a parameter of type t: constants take
// the parameter's type, as text/template gives them.
func (s *state) typedArg(dot reflect.Value, t reflect.Type, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.StringNode:
		if t.Kind() == reflect.String {
			v := reflect.New(t).Elem()
			v.SetString(n.Text)
			return v
		}
	case *parse.NumberNode:
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			v := reflect.New(t).Elem()
			if v.OverflowInt(n.Int64) {
				stop(fmt.Errorf("%s overflows %s", n.Text, t))
			}
			v.SetInt(n.Int64)
			return v
		}
	case *parse.BoolNode:
		if t.Kind() == reflect.Bool {
			v := reflect.New(t).Elem()
			v.SetBool(n.True)
			return v
		}
	}
	switch n.(type) {
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode:
		if t.Kind() != reflect.Interface || t.NumMethod() != 0 {
			stop(fmt.Errorf("constant %s for a %s", n, t))
		}
	}
	return s.arg(dot, n)
}

// assign makes v fit a parameter of type t, as text/template's
// validateType does, or falls back.
func assign(v reflect.Value, t reflect.Type) reflect.Value {
	if !v.IsValid() {
		stop(errors.New("no value for an argument"))
	}
	if v.Type().AssignableTo(t) {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() && v.Elem().Type().AssignableTo(t) {
		return v.Elem()
	}
	if v.Kind() == reflect.Pointer && !v.IsNil() && v.Type().Elem().AssignableTo(t) {
		return v.Elem()
	}
	if v.CanAddr() && reflect.PointerTo(v.Type()).AssignableTo(t) {
		return v.Addr()
	}
	stop(fmt.Errorf("wrong type for value; expected %s; got %s", t, v.Type()))
	return reflect.Value{}
}

// indirect follows pointers and interfaces to the value they hold; isNil
// says one of them was nil.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// concrete returns the value an interface holds, or v itself.
func concrete(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// truth is text/template's idea of true: non-zero, non-empty, non-nil.
func truth(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Struct:
		return true
	}
	stop(fmt.Errorf("truth of %s", v.Kind()))
	return false
}
